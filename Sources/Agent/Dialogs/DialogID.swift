/// Identifies a dialog (RFC 3261 §12): Call-ID, local tag, remote tag.
public struct DialogID: Sendable, Hashable, CustomStringConvertible {
    /// The Call-ID.
    public var callID: String
    /// The honeypot's tag (the To tag of the dialog-creating INVITE's responses).
    public var localTag: String
    /// The caller's tag (its From tag); empty when the caller sent none (RFC 2543).
    public var remoteTag: String

    /// A dialog identifier.
    public init(callID: String, localTag: String, remoteTag: String) {
        self.callID = callID
        self.localTag = localTag
        self.remoteTag = remoteTag
    }

    public var description: String { "\(self.callID);\(self.localTag);\(self.remoteTag)" }
}
