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

    private func addressSummary(_ name: SIPHeaderName) -> SIPAddressSummary? {
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
            guard let raw else { return nil }
            return SIPAddressSummary(uriText: Scan.string(p, raw.uriRange), tag: raw.tag.map { Scan.string(p, $0) })
        }
    }

    /// The user part of the Request-URI (%-decoded; for tel, the number): `requestURI?.user` without building the
    /// rest of the URI (the attack labeller reads it for every request of a flood).
    public var requestURIUser: String? {
        self.withRequestRawURI { p, raw in raw.user.map { Scan.percentDecoded(p, $0) } }
    }

    /// The user part of the To header's URI (%-decoded): `to?.uri?.user` without building the rest.
    public var toURIUser: String? {
        guard let field = self.headerFields.first(where: { $0.name == .to }) else { return nil }
        return self.withBytes { p in
            var sink = AnomalySink(limit: 0)
            let (raw, _) = RawNameAddress.parse(
                p,
                field.valueRange.lowerBound,
                field.valueRange.upperBound,
                header: .to,
                inList: false,
                limits: self.limits,
                &sink
            )
            return raw?.uri?.user.map { Scan.percentDecoded(p, $0) }
        }
    }
}
