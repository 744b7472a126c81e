public import Agent
import Synchronization

/// Which profile new calls get, switchable while running (the web interface's "activate", SIGHUP's reload):
/// no profile means the environment's built-in call policy. Calls in progress keep the controller they began with.
public final class ProfileSelector: Sendable {
    /// Where profiles are looked up.
    public let library: ProfileLibrary
    let current: Mutex<ActiveProfile?>

    /// A selector starting with `initial` (or the built-in policy).
    public init(library: ProfileLibrary, initial: ActiveProfile?) {
        self.library = library
        self.current = Mutex(initial)
    }

    /// The active profile, if any.
    public var active: ActiveProfile? { self.current.withLock { $0 } }

    /// The active profile's name, if any.
    public var activeName: String? { self.active?.name }

    /// Loads `reference` and makes it the active profile; on error the current one stays.
    @discardableResult
    public func activate(_ reference: String) throws(ProfileError) -> String {
        let profile = try ActiveProfile(reference: reference, library: self.library)
        self.current.withLock { $0 = profile }
        return profile.summary
    }

    /// A controller for a new call from the active profile, `nil` for the built-in policy.
    public func controller(for call: IncomingCall) -> (any CallController)? {
        self.active?.controller(for: call)
    }

    /// The realm REGISTERs are challenged with under the active profile.
    public var registerRealm: String? { self.active?.registerRealm }

    /// Reloads the active profile from its file; `nil` when none is active.
    public func reload() -> Result<String, ProfileError>? {
        self.active?.reload()
    }
}
