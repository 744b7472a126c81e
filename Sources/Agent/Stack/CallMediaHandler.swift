import NIOCore

/// Runs the media of the stack's calls: the `Agent`'s seam to the media engine (paper §VI-A operators
/// `OpPlayFile`, `OpRecord`, DTMF). Every method is called on the stack's event loop and must return at once
/// (open sockets and read files elsewhere); a command for a call whose session is not open yet is queued by
/// the handler or dropped, never an error for the stack.
public protocol CallMediaHandler: Sendable {
    /// The call `id` was answered with this media description.
    func start(_ id: DialogID, _ setup: MediaSetup)
    /// A controller's media command for call `id`.
    func command(_ id: DialogID, _ command: MediaCommand)
    /// The call `id` ended.
    func stop(_ id: DialogID)
}

extension SIPStack {
    /// Hands a DTMF digit the media engine received on call `id` to its controller. Safe from any thread.
    public func deliverDigit(_ digit: Character, dialog id: DialogID) {
        self.eventLoop.execute {
            self.runUA(self.core.receivedDigit(digit, dialog: id))
        }
    }
}
