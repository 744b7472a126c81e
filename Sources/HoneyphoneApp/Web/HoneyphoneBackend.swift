import Agent
import Behaviour
import Foundation
public import Recon
import Storage
public import WebUI

/// What the running honeyphone offers its administrator interface (``WebUI/AdministrationBackend``): live
/// counters from the stack and the queues, the profiles database behind a ``ProfileSelector``, the recordings
/// folder, the exports and the verdict stream.
public final class HoneyphoneBackend: AdministrationBackend {
    /// The live parts of a run the backend reads.
    public struct Parts: Sendable {
        /// The stack's counters (`nil` before the honeypot runs).
        public var snapshot: @Sendable () async -> StatusSnapshot?
        /// The investigation's queue (accepted, dropped, pending) and analysis counters (analysed, store failures).
        public var investigation:
            @Sendable () -> (accepted: Int, dropped: Int, pending: Int, analysed: Int, failures: Int)
        /// Events the sinks dropped or failed to deliver.
        public var eventsDropped: @Sendable () -> Int
        /// A new subscription to the verdicts.
        public var liveEvents: @Sendable () -> AsyncStream<LiveEvent>
        /// The evidence bundle (tar) of a Call-ID.
        public var evidenceBundle: @Sendable (String) async throws -> [UInt8]
        /// A block list in a format with a minimum belief.
        public var blockList: @Sendable (String, Double) async throws -> String
        /// The geolocation database, when the investigation has one.
        public var geoDatabase: MMDBDatabase?

        /// The parts.
        public init(
            snapshot: @escaping @Sendable () async -> StatusSnapshot?,
            investigation:
                @escaping @Sendable () -> (accepted: Int, dropped: Int, pending: Int, analysed: Int, failures: Int),
            eventsDropped: @escaping @Sendable () -> Int,
            liveEvents: @escaping @Sendable () -> AsyncStream<LiveEvent>,
            evidenceBundle: @escaping @Sendable (String) async throws -> [UInt8],
            blockList: @escaping @Sendable (String, Double) async throws -> String,
            geoDatabase: MMDBDatabase?
        ) {
            self.snapshot = snapshot
            self.investigation = investigation
            self.eventsDropped = eventsDropped
            self.liveEvents = liveEvents
            self.evidenceBundle = evidenceBundle
            self.blockList = blockList
            self.geoDatabase = geoDatabase
        }
    }

    /// The largest recording served.
    static let maximumRecordingBytes = 256 << 20

    public let identity: String
    let environment: HoneyphoneEnvironment
    let selector: ProfileSelector
    let parts: Parts
    let startedAt: Double
    let recordingsFolder: String

    /// A backend for the run of `environment` with these parts.
    public init(environment: HoneyphoneEnvironment, selector: ProfileSelector, parts: Parts) {
        self.identity = environment.identity
        self.environment = environment
        self.selector = selector
        self.parts = parts
        self.startedAt = Date().timeIntervalSince1970
        self.recordingsFolder = environment.dataFolder + "/recordings"
    }

    public func status() async -> LiveStatus {
        let snapshot = await self.parts.snapshot()
        let investigation = self.parts.investigation()
        let registered = Dictionary(
            (snapshot?.registrations ?? []).map { ($0.aor, $0) },
            uniquingKeysWith: { first, _ in first }
        )
        let registrations = self.environment.accounts.map { account -> RegistrationState in
            guard let status = registered[account.aor] else {
                return RegistrationState(
                    aor: account.aor,
                    state: account.register && self.environment.registrar != nil ? "unregistered" : "not-registered",
                    grantedExpires: nil,
                    lastStatus: nil,
                    failures: 0
                )
            }
            return RegistrationState(
                aor: status.aor,
                state: status.state,
                grantedExpires: status.grantedExpires,
                lastStatus: status.lastStatus,
                failures: status.failures
            )
        }
        return LiveStatus(
            identity: self.identity,
            startedAt: self.startedAt,
            listening: snapshot?.listening ?? [],
            received: snapshot?.messages.received ?? 0,
            sent: snapshot?.messages.sent ?? 0,
            unparsed: snapshot?.messages.unparsed ?? 0,
            dialogs: snapshot?.dialogs ?? 0,
            transactions: snapshot?.transactions ?? 0,
            tracesWritten: snapshot?.traces.written ?? 0,
            tracesDropped: snapshot?.traces.dropped ?? 0,
            tracesFailed: snapshot?.traces.failed ?? 0,
            tracesPending: snapshot?.traces.pending ?? 0,
            investigationAccepted: investigation.accepted,
            investigationDropped: investigation.dropped,
            investigationAnalysed: investigation.analysed,
            investigationPending: investigation.pending,
            verdictStoreFailures: investigation.failures,
            eventsDropped: self.parts.eventsDropped(),
            activeProfile: self.selector.activeName,
            registrations: registrations
        )
    }

    public func profiles() async -> [ProfileSummary] {
        let active = self.selector.activeName
        return self.selector.library.entries().map { entry in
            self.summary(entry, active: active, profile: try? ProfileLibrary.load(entry))
        }
    }

    func summary(_ entry: ProfileLibrary.Entry, active: String?, profile: BehaviourProfile?) -> ProfileSummary {
        var problem: String?
        if profile == nil {
            do throws(ProfileError) {
                _ = try ProfileLibrary.load(entry)
            } catch {
                problem = String(error.description.prefix(300))
            }
        }
        return ProfileSummary(
            name: entry.name,
            source: entry.source.description,
            states: profile?.states.count ?? 0,
            active: entry.name == active,
            hasEnvironment: self.environmentText(of: entry) != nil,
            problem: problem
        )
    }

    /// The `NAME.env` beside a user profile.
    func environmentText(of entry: ProfileLibrary.Entry) -> String? {
        guard case .file(let path) = entry.source, path.hasSuffix(".profile") else { return nil }
        let environmentPath = String(path.dropLast(".profile".count)) + ".env"
        guard let data = FileManager.default.contents(atPath: environmentPath),
            data.count <= ProfileLibrary.maximumFileBytes
        else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    public func profile(named name: String) async -> ProfileDetail? {
        guard let entry = self.selector.library.entries().first(where: { $0.name == name }) else { return nil }
        let profile = try? ProfileLibrary.load(entry)
        var transitions: [ProfileTransition] = []
        if let profile {
            for state in profile.states {
                for rule in state.rules {
                    for call in Self.calls(rule.step) {
                        let target = (call.explicitTarget ?? call.implicitTarget).map { profile.states[$0].name }
                        transitions.append(
                            ProfileTransition(
                                from: state.name,
                                to: target ?? state.name,
                                label: "\(rule.event)/\(call.operation.name)"
                            )
                        )
                    }
                }
            }
        }
        return ProfileDetail(
            summary: self.summary(entry, active: self.selector.activeName, profile: profile),
            behaviour: entry.text,
            environment: self.environmentText(of: entry),
            initialState: profile?.states.first?.name,
            states: profile?.states.map(\.name) ?? [],
            transitions: transitions
        )
    }

    /// The operator calls of a step (every alternative of a `choose`).
    static func calls(_ step: BehaviourStep) -> [OperatorCall] {
        switch step {
        case .call(let call): return [call]
        case .choose(let alternatives): return alternatives.flatMap { Self.calls($0.step) }
        }
    }

    public func activateProfile(named name: String) async -> Result<String, ProfileProblem> {
        do throws(ProfileError) {
            return .success(try self.selector.activate(name))
        } catch {
            return .failure(ProfileProblem(part: "behaviour", line: nil, column: nil, message: error.description))
        }
    }

    public func checkProfile(name: String, behaviour: String, environment: String) async -> [ProfileProblem] {
        var problems: [ProfileProblem] = []
        do throws(BehaviourError) {
            _ = try BehaviourProfile(parsing: Array(behaviour.utf8), fileName: name + ".profile")
        } catch {
            problems.append(
                ProfileProblem(part: "behaviour", line: error.line, column: error.column, message: error.message)
            )
        }
        if !environment.isEmpty {
            do throws(SettingsError) {
                _ = try HoneyphoneEnvironment(text: environment, fileName: name + ".env")
            } catch {
                problems.append(
                    ProfileProblem(part: "environment", line: error.line, column: error.column, message: error.message)
                )
            }
        }
        return problems
    }

    public func saveProfile(
        name: String,
        behaviour: String,
        environment: String
    ) async -> Result<String, ProfileSaveFailure> {
        let problems = await self.checkProfile(name: name, behaviour: behaviour, environment: environment)
        guard problems.isEmpty else { return .failure(.invalid(problems)) }
        guard let folder = self.selector.library.userFolder else {
            return .failure(.notWritten("no user profiles folder"))
        }
        guard !BuiltInProfiles.all.contains(where: { $0.0 == name }) else {
            return .failure(.notWritten("'\(name)' is a built-in profile: choose another name"))
        }
        let path = folder + "/" + name + ".profile"
        guard !FileManager.default.fileExists(atPath: path) else {
            return .failure(.notWritten("a profile named '\(name)' exists already"))
        }
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try Data(behaviour.utf8).write(to: URL(fileURLWithPath: path), options: .withoutOverwriting)
            if !environment.isEmpty {
                try Data(environment.utf8).write(
                    to: URL(fileURLWithPath: folder + "/" + name + ".env"),
                    options: .withoutOverwriting
                )
            }
        } catch {
            return .failure(.notWritten("cannot write \(path): \(error.localizedDescription)"))
        }
        return .success(path)
    }

    public func recordings(callID: String) async -> [RecordingFile] {
        guard let data = FileManager.default.contents(atPath: self.recordingsFolder + "/index.jsonl") else { return [] }
        struct Line: Decodable {
            var callID: String
            var files: [String]
        }
        var files: [RecordingFile] = []
        for line in data.split(separator: UInt8(ascii: "\n")).suffix(100_000) {
            guard let entry = try? JSONDecoder().decode(Line.self, from: Data(line)), entry.callID == callID else {
                continue
            }
            for name in entry.files where name.hasSuffix(".wav") {
                let side = name.hasSuffix("-caller.wav") ? "caller" : "honeypot"
                let size =
                    (try? FileManager.default.attributesOfItem(atPath: self.recordingsFolder + "/" + name)[.size]
                        as? Int)
                    ?? 0
                files.append(RecordingFile(name: name, side: side, bytes: size ?? 0))
            }
        }
        return files
    }

    public func recording(named name: String) async -> [UInt8]? {
        guard !name.contains("/"), !name.hasPrefix("."), name.hasSuffix(".wav"),
            let handle = FileHandle(forReadingAtPath: self.recordingsFolder + "/" + name)
        else { return nil }
        defer { try? handle.close() }
        guard let data = try? handle.read(upToCount: Self.maximumRecordingBytes) else { return nil }
        return [UInt8](data)
    }

    public func evidenceBundle(callID: String) async throws -> [UInt8] {
        try await self.parts.evidenceBundle(callID)
    }

    public func blockList(format: String, minimumBelief: Double) async throws -> String {
        try await self.parts.blockList(format, minimumBelief)
    }

    public func locate(_ addresses: [String]) async -> [String: GeoPoint] {
        guard let database = self.parts.geoDatabase else { return [:] }
        var located: [String: GeoPoint] = [:]
        for address in addresses.prefix(256) {
            guard let ip = IPAddress(address), case .known(let record) = database.lookup(ip).outcome,
                let latitude = record.latitude, let longitude = record.longitude
            else { continue }
            located[address] = GeoPoint(
                latitude: latitude,
                longitude: longitude,
                label: [record.countryCode, record.cityName].compactMap { $0 }.joined(separator: " ")
            )
        }
        return located
    }

    public func liveEvents() -> AsyncStream<LiveEvent> {
        self.parts.liveEvents()
    }
}
