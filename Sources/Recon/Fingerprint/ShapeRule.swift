/// One observable property of a message that a signature expects, with a weight.
///
/// Rules are data: the signature database is an array of ``FingerprintSignature`` values built from
/// these cases, and ``evaluate(_:)`` is the only code that interprets them.
public struct ShapeRule: Hashable, Sendable {
    /// What is checked.
    public enum Check: Hashable, Sendable {
        /// The method (request, or the CSeq method of a response).
        case method(String)
        /// The message's header names (lower-cased long forms) start with exactly this sequence.
        case headerOrderPrefix([String])
        /// These header names (lower-cased) appear in this relative order.
        case headerSequence([String])
        /// A header name spelled exactly so (case-sensitive), e.g. `Call-ID` vs `Call-Id`.
        case rawHeaderName(String)
        /// Whether compact forms are used.
        case compactForms(Bool)
        /// The top Via branch.
        case branch(TokenPattern)
        /// The From tag.
        case fromTag(TokenPattern)
        /// The To tag.
        case toTag(TokenPattern)
        /// The Call-ID.
        case callID(TokenPattern)
        /// The Max-Forwards value.
        case maxForwards(Int)
        /// The CSeq number.
        case cseqNumber(UInt32)
        /// The top Via parameter names, in this order (e.g. `branch`, `rport`).
        case viaParameters([String])
        /// A header (lower-cased long name) is present.
        case present(String)
        /// A header (lower-cased long name) is absent.
        case absent(String)
        /// A header's first raw value equals this text exactly.
        case value(String, equals: String)
        /// A header's first raw value contains this text.
        case valueContains(String, String)
        /// The number of spaces after the colon of a header.
        case spacesAfterColon(String, Int)
        /// The From URI (`user@host[:port]`).
        case fromURI(String)
        /// The To URI.
        case toURI(String)
        /// The first Contact URI.
        case contactURI(String)
        /// The user part of the From URI.
        case fromUser(String)
        /// The From display name.
        case fromDisplayName(String)
        /// The To display name.
        case toDisplayName(String)
        /// The Contact URI has no port.
        case contactWithoutPort
    }

    /// What is checked.
    public var check: Check
    /// How much it counts (1 weak … 5 decisive).
    public var weight: Int
    /// A short stable name reported when the rule matches (`branch`, `header-order`, ...).
    public var feature: String

    /// Creates a rule.
    public init(_ check: Check, weight: Int = 1, feature: String) {
        self.check = check
        self.weight = max(1, weight)
        self.feature = feature
    }

    /// Whether `shape` satisfies the rule.
    public func evaluate(_ shape: MessageShape) -> Bool {
        switch self.check {
        case .method(let method): return shape.method == method
        case .headerOrderPrefix(let names): return shape.names.starts(with: names)
        case .headerSequence(let names):
            var index = shape.names.startIndex
            for name in names {
                guard let found = shape.names[index...].firstIndex(of: name) else { return false }
                index = shape.names.index(after: found)
            }
            return true
        case .rawHeaderName(let name): return shape.rawNames.contains(name)
        case .compactForms(let used): return shape.usesCompactForms == used
        case .branch(let pattern): return shape.branch.map(pattern.matches) ?? false
        case .fromTag(let pattern): return shape.fromTag.map(pattern.matches) ?? false
        case .toTag(let pattern): return shape.toTag.map(pattern.matches) ?? false
        case .callID(let pattern): return shape.callID.map(pattern.matches) ?? false
        case .maxForwards(let value): return shape.maxForwards == value
        case .cseqNumber(let value): return shape.cseqNumber == value
        case .viaParameters(let names): return shape.viaParameterNames == names
        case .present(let name): return shape.has(name)
        case .absent(let name): return !shape.has(name)
        case .value(let name, let text): return shape.values[name] == text
        case .valueContains(let name, let text): return shape.values[name]?.contains(text) ?? false
        case .spacesAfterColon(let name, let count): return shape.spacesAfterColon[name] == count
        case .fromURI(let uri): return shape.fromURI == uri
        case .toURI(let uri): return shape.toURI == uri
        case .contactURI(let uri): return shape.contactURI == uri
        case .fromUser(let user): return shape.fromURI?.split(separator: "@").first.map(String.init) == user
        case .fromDisplayName(let name): return shape.fromDisplayName == name
        case .toDisplayName(let name): return shape.toDisplayName == name
        case .contactWithoutPort:
            guard let contact = shape.contactURI else { return false }
            return !(contact.split(separator: "@").last ?? "").contains(":")
        }
    }
}
