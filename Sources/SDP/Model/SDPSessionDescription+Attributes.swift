extension SDPSessionDescription {
    /// The session-level attributes called `name`, in order.
    public func attributes(named name: String) -> [SDPAttribute] {
        self.attributes.filter { $0.name == name }
    }

    /// The first session-level direction attribute, or `nil` when there is none.
    public var direction: SDPDirection? {
        self.attributes.sdpDirection
    }

    /// The direction that applies to `media` (RFC 8866 §6.7): its own direction attribute, else the session's,
    /// else ``SDPDirection/sendrecv``.
    public func effectiveDirection(of media: SDPMediaDescription) -> SDPDirection {
        media.direction ?? self.direction ?? .sendrecv
    }

    /// The connection that applies to `media` (RFC 8866 §5.7): its first `c=`, else the session's `c=`, else
    /// `nil`.
    public func effectiveConnection(of media: SDPMediaDescription) -> SDPConnection? {
        media.connections.first ?? self.connection
    }
}
