/// What the running honeyphone offers its administrator interface beyond the stores: live state, the profiles
/// database, recordings, exports and the stream of verdicts. `HoneyphoneApp` implements it; the tests use a fake.
///
/// Every string in these values may come from an attacker (User-Agents, URIs, host names) except where a doc
/// comment says otherwise; the interface escapes them wherever they are shown.
public protocol AdministrationBackend: Sendable {
    /// The honeypot's name (from the environment: operator text).
    var identity: String { get }

    /// The live counters and registration states.
    func status() async -> LiveStatus

    /// The profiles database: every behaviour profile, the active one marked.
    func profiles() async -> [ProfileSummary]

    /// One profile's text and its state machine, or `nil` for an unknown name.
    func profile(named name: String) async -> ProfileDetail?

    /// Makes the named profile the one new calls get; returns its summary or the parser's error.
    func activateProfile(named name: String) async -> Result<String, ProfileProblem>

    /// Validates a behaviour profile and, when `environment` is non-empty, an environment part, with the same
    /// parsers as `honeyphone profile check`; returns every problem with its line and column.
    func checkProfile(name: String, behaviour: String, environment: String) async -> [ProfileProblem]

    /// Validates, then writes `NAME.profile` (and `NAME.env` when given) in the user profiles folder; returns the
    /// path written or the problems.
    func saveProfile(name: String, behaviour: String, environment: String) async -> Result<String, ProfileSaveFailure>

    /// The recordings of a call (WAV files), empty when none.
    func recordings(callID: String) async -> [RecordingFile]

    /// The bytes of a recording by its file name as listed in ``RecordingFile/name``; `nil` if there is none.
    func recording(named name: String) async -> [UInt8]?

    /// The evidence bundle (a tar archive) of the incident around `callID`.
    func evidenceBundle(callID: String) async throws -> [UInt8]

    /// A block list of Suspicious and Crafted sources in `format` (`plain`, `nftables`, `ipset`).
    func blockList(format: String, minimumBelief: Double) async throws -> String

    /// The geolocation of each address the MMDB knows (for the route map); unknown addresses are left out.
    func locate(_ addresses: [String]) async -> [String: GeoPoint]

    /// A new subscription to the verdicts as they are made (bounded: the oldest are dropped when the reader lags).
    func liveEvents() -> AsyncStream<LiveEvent>
}

/// The running honeypot's counters.
public struct LiveStatus: Sendable, Hashable, Codable {
    public var identity: String
    public var startedAt: Double
    public var listening: [String]
    public var received: Int
    public var sent: Int
    public var unparsed: Int
    public var dialogs: Int
    public var transactions: Int
    /// Trace records written, dropped (queue full), failed (store error), pending.
    public var tracesWritten: UInt64
    public var tracesDropped: UInt64
    public var tracesFailed: UInt64
    public var tracesPending: Int
    /// Requests the investigation accepted, dropped (queue full), analysed; verdict store failures.
    public var investigationAccepted: Int
    public var investigationDropped: Int
    public var investigationAnalysed: Int
    public var investigationPending: Int
    public var verdictStoreFailures: Int
    /// Events the sinks dropped or failed to deliver.
    public var eventsDropped: Int
    public var activeProfile: String?
    public var registrations: [RegistrationState]

    /// A status value.
    public init(
        identity: String,
        startedAt: Double,
        listening: [String],
        received: Int,
        sent: Int,
        unparsed: Int,
        dialogs: Int,
        transactions: Int,
        tracesWritten: UInt64,
        tracesDropped: UInt64,
        tracesFailed: UInt64,
        tracesPending: Int,
        investigationAccepted: Int,
        investigationDropped: Int,
        investigationAnalysed: Int,
        investigationPending: Int,
        verdictStoreFailures: Int,
        eventsDropped: Int,
        activeProfile: String?,
        registrations: [RegistrationState]
    ) {
        self.identity = identity
        self.startedAt = startedAt
        self.listening = listening
        self.received = received
        self.sent = sent
        self.unparsed = unparsed
        self.dialogs = dialogs
        self.transactions = transactions
        self.tracesWritten = tracesWritten
        self.tracesDropped = tracesDropped
        self.tracesFailed = tracesFailed
        self.tracesPending = tracesPending
        self.investigationAccepted = investigationAccepted
        self.investigationDropped = investigationDropped
        self.investigationAnalysed = investigationAnalysed
        self.investigationPending = investigationPending
        self.verdictStoreFailures = verdictStoreFailures
        self.eventsDropped = eventsDropped
        self.activeProfile = activeProfile
        self.registrations = registrations
    }
}

/// One registered URI's state.
public struct RegistrationState: Sendable, Hashable, Codable {
    public var aor: String
    /// `unregistered`, `registering`, `registered`, `retrying`, `unregistering`, `stopped`, or `not-registered`
    /// for a URI the environment does not register.
    public var state: String
    public var grantedExpires: Int?
    public var lastStatus: Int?
    public var failures: Int

    /// A registration state.
    public init(aor: String, state: String, grantedExpires: Int?, lastStatus: Int?, failures: Int) {
        self.aor = aor
        self.state = state
        self.grantedExpires = grantedExpires
        self.lastStatus = lastStatus
        self.failures = failures
    }
}

/// A profile in the database.
public struct ProfileSummary: Sendable, Hashable, Codable {
    public var name: String
    /// `built-in` or the user folder's path.
    public var source: String
    public var states: Int
    public var active: Bool
    /// Whether `NAME.env` exists beside it.
    public var hasEnvironment: Bool
    /// The parser's first error, when the file no longer parses.
    public var problem: String?

    /// A profile summary.
    public init(name: String, source: String, states: Int, active: Bool, hasEnvironment: Bool, problem: String?) {
        self.name = name
        self.source = source
        self.states = states
        self.active = active
        self.hasEnvironment = hasEnvironment
        self.problem = problem
    }
}

/// A profile's text and state machine.
public struct ProfileDetail: Sendable, Hashable {
    public var summary: ProfileSummary
    public var behaviour: String
    public var environment: String?
    public var initialState: String?
    public var states: [String]
    /// Transitions as (from, to, label).
    public var transitions: [ProfileTransition]

    /// A profile detail.
    public init(
        summary: ProfileSummary,
        behaviour: String,
        environment: String?,
        initialState: String?,
        states: [String],
        transitions: [ProfileTransition]
    ) {
        self.summary = summary
        self.behaviour = behaviour
        self.environment = environment
        self.initialState = initialState
        self.states = states
        self.transitions = transitions
    }
}

/// One edge of a profile's state machine.
public struct ProfileTransition: Sendable, Hashable, Codable {
    public var from: String
    public var to: String
    public var label: String

    /// An edge.
    public init(from: String, to: String, label: String) {
        self.from = from
        self.to = to
        self.label = label
    }
}

/// A problem the profile parsers found.
public struct ProfileProblem: Error, Sendable, Hashable, Codable {
    /// `behaviour`, `environment` or `name`.
    public var part: String
    public var line: Int?
    public var column: Int?
    public var message: String

    /// A problem.
    public init(part: String, line: Int?, column: Int?, message: String) {
        self.part = part
        self.line = line
        self.column = column
        self.message = message
    }
}

/// Why a profile was not saved.
public enum ProfileSaveFailure: Error, Sendable, Hashable {
    /// The texts have problems.
    case invalid([ProfileProblem])
    /// The file could not be written (no user folder, exists already, I/O error).
    case notWritten(String)
}

/// A recording of a call.
public struct RecordingFile: Sendable, Hashable, Codable {
    /// The file name (`call-N-caller.wav`), never attacker text.
    public var name: String
    /// `caller` or `honeypot`.
    public var side: String
    public var bytes: Int

    /// A recording.
    public init(name: String, side: String, bytes: Int) {
        self.name = name
        self.side = side
        self.bytes = bytes
    }
}

/// A verdict as it is made, for live views and metrics.
public struct LiveEvent: Sendable, Hashable, Codable {
    /// Arrival of the message, ns since the epoch.
    public var timestamp: Int64
    public var source: String
    public var sourcePort: Int
    public var transport: String
    public var method: String?
    public var callID: String?
    public var calledNumber: String?
    public var userAgent: String?
    public var verdict: String
    public var belief: Double
    public var alert: Bool
    public var attacks: [String]

    /// An event.
    public init(
        timestamp: Int64,
        source: String,
        sourcePort: Int,
        transport: String,
        method: String?,
        callID: String?,
        calledNumber: String?,
        userAgent: String?,
        verdict: String,
        belief: Double,
        alert: Bool,
        attacks: [String]
    ) {
        self.timestamp = timestamp
        self.source = source
        self.sourcePort = sourcePort
        self.transport = transport
        self.method = method
        self.callID = callID
        self.calledNumber = calledNumber
        self.userAgent = userAgent
        self.verdict = verdict
        self.belief = belief
        self.alert = alert
        self.attacks = attacks
    }
}

/// A place on the map.
public struct GeoPoint: Sendable, Hashable, Codable {
    public var latitude: Double
    public var longitude: Double
    /// Country code and city, when known.
    public var label: String

    /// A point.
    public init(latitude: Double, longitude: Double, label: String) {
        self.latitude = latitude
        self.longitude = longitude
        self.label = label
    }
}
