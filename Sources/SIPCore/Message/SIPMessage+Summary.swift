/// The URI text and tag of a name-address header, read without building a ``SIPNameAddress`` (no display
/// name, parameter table or ``SIPURI``): what traces and dialog matching need, at a fraction of the cost.
public struct SIPAddressSummary: Sendable, Hashable {
    /// The URI as written (inside the angle brackets when bracketed).
    public var uriText: String
    /// The `tag` parameter, if any.
    public var tag: String?
}

extension SIPMessage {
    /// The From header's URI text and tag.
    public var fromSummary: SIPAddressSummary? { self.addressSummary(.from) }
    /// The To header's URI text and tag.
    public var toSummary: SIPAddressSummary? { self.addressSummary(.to) }
    /// The first Contact's URI text (`*` is not a name-address: `nil`).
    public var firstContactSummary: SIPAddressSummary? { self.addressSummary(.contact) }

    /// The From header's tag: `fromSummary?.tag` without the URI text.
    public var fromTag: String? { self.withRawNameAddress(.from) { p, raw in raw.tag.map { Scan.string(p, $0) } } }
    /// The To header's tag: `toSummary?.tag` without the URI text.
    public var toTag: String? { self.withRawNameAddress(.to) { p, raw in raw.tag.map { Scan.string(p, $0) } } }

    private func addressSummary(_ name: SIPHeaderName) -> SIPAddressSummary? {
        self.withRawNameAddress(name) { p, raw in
            SIPAddressSummary(uriText: Scan.string(p, raw.uriRange), tag: raw.tag.map { Scan.string(p, $0) })
        }
    }

    /// `body` applied to the raw parse of the first `name` header's value, `nil` without one or when it does not
    /// parse.
    private func withRawNameAddress<T>(
        _ name: SIPHeaderName,
        _ body: (UnsafeRawBufferPointer, RawNameAddress) -> T?
    ) -> T? {
        guard let field = self.headerFields.first(where: { $0.name == name }) else { return nil }
        return self.withBytes { p in
            var sink = AnomalySink(limit: 0)
            let (raw, _) = RawNameAddress.parse(
                p,
                field.valueRange.lowerBound,
                field.valueRange.upperBound,
                header: name,
                inList: name == .contact,
                limits: self.limits,
                &sink
            )
            return raw.flatMap { body(p, $0) }
        }
    }

    /// The user part of the Request-URI (%-decoded; for tel, the number): `requestURI?.user` without building the
    /// rest of the URI (the attack labeller reads it for every request of a flood).
    public var requestURIUser: String? {
        self.withRequestRawURI { p, raw in raw.user.map { Scan.percentDecoded(p, $0) } }
    }

    /// The Request-URI's scheme and user part (%-decoded; for tel, the number) from one raw parse: `requestURI`'s
    /// `scheme` and `user` without building the rest (host, parameters, headers, raw text), `nil` exactly when
    /// `requestURI` is. The UA core reads these two of every request it answers.
    public var requestURISchemeAndUser: (scheme: SIPURI.Scheme, user: String?)? {
        self.withRequestRawURI { p, raw in (SIPURI.Scheme(p, raw), raw.user.map { Scan.percentDecoded(p, $0) }) }
    }

    /// The user part of the To header's URI (%-decoded): `to?.uri?.user` without building the rest.
    public var toURIUser: String? {
        self.withRawNameAddress(.to) { p, raw in raw.uri?.user.map { Scan.percentDecoded(p, $0) } }
    }
}
