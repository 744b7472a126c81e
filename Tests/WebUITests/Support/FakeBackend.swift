import Synchronization
import WebUI

/// A backend with fixed answers that records what the interface asked of it.
final class FakeBackend: AdministrationBackend {
    let identity = "test-honeyphone"
    let activated = Mutex<[String]>([])
    let saved = Mutex<[String]>([])
    let events: [LiveEvent]

    init(events: [LiveEvent] = []) {
        self.events = events
    }

    func status() async -> LiveStatus {
        LiveStatus(
            identity: self.identity,
            startedAt: 0,
            listening: ["udp 127.0.0.1:5060"],
            received: 3,
            sent: 5,
            unparsed: 0,
            dialogs: 0,
            transactions: 1,
            tracesWritten: 8,
            tracesDropped: 0,
            tracesFailed: 0,
            tracesPending: 0,
            investigationAccepted: 3,
            investigationDropped: 0,
            investigationAnalysed: 3,
            investigationPending: 0,
            verdictStoreFailures: 0,
            eventsDropped: 0,
            activeProfile: self.activated.withLock { $0.last },
            registrations: [
                RegistrationState(
                    aor: "sip:1001@example.invalid",
                    state: "registered",
                    grantedExpires: 3600,
                    lastStatus: 200,
                    failures: 0
                )
            ]
        )
    }

    func profiles() async -> [ProfileSummary] {
        let active = self.activated.withLock { $0.last }
        return ["auto-answer", "busy"].map {
            ProfileSummary(
                name: $0,
                source: "built-in",
                states: 3,
                active: $0 == active,
                hasEnvironment: false,
                problem: nil
            )
        }
    }

    func profile(named name: String) async -> ProfileDetail? {
        guard name == "auto-answer" || name == "busy" else { return nil }
        return ProfileDetail(
            summary: ProfileSummary(
                name: name,
                source: "built-in",
                states: 2,
                active: false,
                hasEnvironment: false,
                problem: nil
            ),
            behaviour: "Idle {\n  INVITE/OpRing,\n}\n<script>alert(3)</script>",
            environment: nil,
            initialState: "Idle",
            states: ["Idle", "Ringing"],
            transitions: [ProfileTransition(from: "Idle", to: "Ringing", label: "INVITE/OpRing")]
        )
    }

    func activateProfile(named name: String) async -> Result<String, ProfileProblem> {
        guard name == "auto-answer" || name == "busy" else {
            return .failure(
                ProfileProblem(part: "behaviour", line: nil, column: nil, message: "no profile named \(name)")
            )
        }
        self.activated.withLock { $0.append(name) }
        return .success("\(name) (built-in, 3 states)")
    }

    func checkProfile(name: String, behaviour: String, environment: String) async -> [ProfileProblem] {
        behaviour.contains("Idle {")
            ? [] : [ProfileProblem(part: "behaviour", line: 2, column: 5, message: "expected '{'")]
    }

    func saveProfile(name: String, behaviour: String, environment: String) async -> Result<String, ProfileSaveFailure> {
        let problems = await self.checkProfile(name: name, behaviour: behaviour, environment: environment)
        guard problems.isEmpty else { return .failure(.invalid(problems)) }
        self.saved.withLock { $0.append(name) }
        return .success("/profiles/\(name).profile")
    }

    func recordings(callID: String) async -> [RecordingFile] {
        callID == "call-1" ? [RecordingFile(name: "call-1-caller.wav", side: "caller", bytes: 4)] : []
    }

    func recording(named name: String) async -> [UInt8]? {
        name == "call-1-caller.wav" ? Array("RIFF".utf8) : nil
    }

    func evidenceBundle(callID: String) async throws -> [UInt8] { Array("tar".utf8) }

    func blockList(format: String, minimumBelief: Double) async throws -> String { "198.51.100.7\n" }

    func locate(_ addresses: [String]) async -> [String: GeoPoint] {
        addresses.contains("198.51.100.7")
            ? ["198.51.100.7": GeoPoint(latitude: 48.85, longitude: 2.35, label: "FR Paris")] : [:]
    }

    func liveEvents() -> AsyncStream<LiveEvent> {
        let events = self.events
        return AsyncStream { continuation in
            for event in events { continuation.yield(event) }
            continuation.finish()
        }
    }
}
