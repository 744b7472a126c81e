/// What the store could make of a traced message's bytes.
public enum TraceKind: String, Sendable, Hashable, CaseIterable {
    /// A SIP request: ``TraceSummary/method`` and ``TraceSummary/requestURI`` are set.
    case request
    /// A SIP response: ``TraceSummary/statusCode`` is set (unless the status code was not a number).
    case response
    /// Bytes the parser could not structure; ``TraceSummary/parseErrorCode`` says why.
    case unparsed
}
