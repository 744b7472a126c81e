/// The result of forward-confirmed reverse DNS (FCrDNS): PTR names, and those whose A/AAAA contain the IP.
public struct ForwardConfirmedReverse: Hashable, Sendable {
    /// The address checked.
    public var address: IPAddress
    /// The PTR names found.
    public var pointerNames: [DNSName]
    /// The PTR names whose forward lookup contains ``address``.
    public var confirmedNames: [DNSName]

    /// Creates a result.
    public init(address: IPAddress, pointerNames: [DNSName], confirmedNames: [DNSName]) {
        self.address = address
        self.pointerNames = pointerNames
        self.confirmedNames = confirmedNames
    }

    /// Whether at least one PTR name maps back to the address.
    public var isConfirmed: Bool { !self.confirmedNames.isEmpty }
}

/// The SIP SRV services (RFC 3263 §4.1).
public enum SIPServiceName: String, Hashable, Sendable, CaseIterable {
    /// `_sip._udp`
    case sipUDP = "_sip._udp"
    /// `_sip._tcp`
    case sipTCP = "_sip._tcp"
    /// `_sips._tcp`
    case sipsTCP = "_sips._tcp"

    /// The two labels prefixed to a domain.
    var labels: [[UInt8]] { self.rawValue.split(separator: ".").map { Array($0.utf8) } }
}

extension DNSClient {
    /// Most PTR names checked by ``forwardConfirmedReverse(_:)``.
    static let maximumFCrDNSNames = 4

    /// A and AAAA addresses of `name` (either may be missing; unknown only when both fail).
    public func addresses(of name: DNSName) async -> Lookup<[IPAddress]> {
        async let v4 = self.query(name, type: .a)
        async let v6 = self.query(name, type: .aaaa)
        let (a, aaaa) = await (v4, v6)
        let addresses = (a.value?.records ?? []) + (aaaa.value?.records ?? [])
        let provenance = LookupProvenance(
            source: a.provenance.source,
            startedAt: a.provenance.startedAt,
            duration: max(a.provenance.duration, aaaa.provenance.duration),
            fromCache: a.provenance.fromCache && aaaa.provenance.fromCache
        )
        let found: [IPAddress] = addresses.compactMap {
            if case .address(let address) = $0.data { return address }
            return nil
        }
        guard !found.isEmpty else {
            return Lookup(.unknown(a.unknownReason ?? aaaa.unknownReason ?? .noData("\(name)")), provenance: provenance)
        }
        return Lookup(.known(found), provenance: provenance)
    }

    /// PTR names of `address`.
    public func pointerNames(of address: IPAddress) async -> Lookup<[DNSName]> {
        await self.query(ReverseName.name(for: address), type: .ptr).map { answer in
            .known(
                answer.records.compactMap {
                    if case .pointer(let name) = $0.data { return name }
                    return nil
                }
            )
        }
    }

    /// Forward-confirmed reverse DNS: PTR names, then A/AAAA of each (at most 4) must contain `address`.
    public func forwardConfirmedReverse(_ address: IPAddress) async -> Lookup<ForwardConfirmedReverse> {
        let pointers = await self.pointerNames(of: address)
        guard let names = pointers.value else { return pointers.map { _ in .unknown(.notFound("")) } }
        var confirmed: [DNSName] = []
        var fromCache = pointers.provenance.fromCache
        for name in names.prefix(Self.maximumFCrDNSNames) {
            let forward = await self.addresses(of: name)
            fromCache = fromCache && forward.provenance.fromCache
            if forward.value?.contains(address) == true { confirmed.append(name) }
        }
        var provenance = pointers.provenance
        provenance.fromCache = fromCache
        provenance.duration = provenance.startedAt.duration(to: self.clock.now())
        let result = ForwardConfirmedReverse(address: address, pointerNames: names, confirmedNames: confirmed)
        return Lookup(.known(result), provenance: provenance)
    }

    /// SRV records of `service` at `domain`, sorted by priority then descending weight (RFC 2782).
    public func serviceRecords(_ service: SIPServiceName, domain: DNSName) async -> Lookup<[SRVRecord]> {
        await self.query(DNSName(labels: service.labels).appending(domain), type: .srv).map { answer in
            let records: [SRVRecord] = answer.records.compactMap {
                if case .service(let record) = $0.data { return record }
                return nil
            }
            return .known(
                records.sorted { ($0.priority, UInt16.max - $0.weight) < ($1.priority, UInt16.max - $1.weight) }
            )
        }
    }

    /// NAPTR records of `name`, sorted by order then preference (RFC 3403 §4.1).
    public func namingAuthorityPointers(_ name: DNSName) async -> Lookup<[NAPTRRecord]> {
        await self.query(name, type: .naptr).map { answer in
            let records: [NAPTRRecord] = answer.records.compactMap {
                if case .namingAuthority(let record) = $0.data { return record }
                return nil
            }
            return .known(records.sorted { ($0.order, $0.preference) < ($1.order, $1.preference) })
        }
    }

    /// TXT records of `name`, each as its character-strings joined (RFC 7208 §3.3 style).
    public func textRecords(_ name: DNSName) async -> Lookup<[String]> {
        await self.query(name, type: .txt).map { answer in
            .known(
                answer.records.compactMap {
                    if case .text(let strings) = $0.data { return String(decoding: strings.joined(), as: UTF8.self) }
                    return nil
                }
            )
        }
    }
}
