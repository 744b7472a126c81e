public import Agent
public import Behaviour
public import Logging
public import ServiceLifecycle
import Synchronization
import UnixSignals

/// The profile the running honeyphone uses, swapped whole on reload (SIGHUP): calls in progress keep the machine
/// they started with, new calls get the new profile. A reload that fails keeps the old profile running.
public final class ActiveProfile: Sendable {
    struct Loaded: Sendable {
        var entry: ProfileLibrary.Entry
        var profile: BehaviourProfile
        var registerRealm: String?
    }

    let library: ProfileLibrary
    let reference: String
    let loaded: Mutex<Loaded>
    let seeds: Mutex<SplitMix64>
    let machineConfiguration: BehaviourMachine.Configuration

    /// Loads `reference` (a name or a file) from `library`; throws the parser's error naming the line.
    public init(
        reference: String,
        library: ProfileLibrary,
        configuration: BehaviourMachine.Configuration = .init(),
        seed: UInt64? = nil
    ) throws(ProfileError) {
        let entry = try library.resolve(reference)
        let profile = try ProfileLibrary.load(entry)
        self.library = library
        self.reference = reference
        self.machineConfiguration = configuration
        self.loaded = Mutex(
            Loaded(entry: entry, profile: profile, registerRealm: ProfileLibrary.registerChallengeRealm(profile))
        )
        self.seeds = Mutex(seed.map(SplitMix64.init(seed:)) ?? SplitMix64())
    }

    /// The profile's name and where it came from.
    public var summary: String {
        self.loaded.withLock { "\($0.entry.name) (\($0.entry.source), \($0.profile.states.count) states)" }
    }

    /// The profile's name (`auto-answer`; a file's base name).
    public var name: String { self.loaded.withLock { $0.entry.name } }

    /// The profile in force.
    public var profile: BehaviourProfile { self.loaded.withLock { $0.profile } }

    /// The realm REGISTER requests are challenged with, from the profile's initial state.
    public var registerRealm: String? { self.loaded.withLock { $0.registerRealm } }

    /// A controller for a new call: the current profile, with the next seed.
    public func controller(for call: IncomingCall) -> any CallController {
        let profile = self.profile
        let seed = self.seeds.withLock { $0.next() }
        return BehaviourCallController(profile: profile, configuration: self.machineConfiguration, seed: seed)
    }

    /// Reads and parses the profile again; on success it replaces the current one, on failure nothing changes.
    public func reload() -> Result<String, ProfileError> {
        do throws(ProfileError) {
            let entry = try self.library.resolve(self.reference)
            let profile = try ProfileLibrary.load(entry)
            let realm = ProfileLibrary.registerChallengeRealm(profile)
            self.loaded.withLock { $0 = Loaded(entry: entry, profile: profile, registerRealm: realm) }
            return .success(self.summary)
        } catch {
            return .failure(error)
        }
    }
}

/// Reloads the active profile on SIGHUP until graceful shutdown.
public struct ProfileReloadService: Service {
    let selector: ProfileSelector
    let logger: Logger

    /// A service reloading the selector's active profile.
    public init(selector: ProfileSelector, logger: Logger) {
        self.selector = selector
        self.logger = logger
    }

    public func run() async throws {
        let signals = await UnixSignalsSequence(trapping: .sighup)
        await cancelWhenGracefulShutdown {
            for await _ in signals {
                switch self.selector.reload() {
                case .none:
                    self.logger.notice("SIGHUP: no profile is active, nothing to reload")
                case .success(let summary):
                    self.logger.notice("profile reloaded", metadata: ["honeyphone.profile": "\(summary)"])
                case .failure(let error):
                    self.logger.error(
                        "profile reload failed, the previous profile keeps running",
                        metadata: ["honeyphone.profile.error": "\(error.description.prefix(300))"]
                    )
                }
            }
        }
    }
}
