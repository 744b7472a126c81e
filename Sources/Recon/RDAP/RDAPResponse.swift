import FoundationEssentials

/// The fields Recon takes from an RDAP answer (RFC 9083): an IP network (`ip network`), an autonomous
/// system (`autnum`) or a domain, mapped onto the fields of a WHOIS answer so the investigation and the
/// trust tables treat both sources alike.
///
/// - organisation: the `fn` of the first entity with role `registrant` (else `administrative`, else any
///   entity), else the object's `name`;
/// - networkRange: `startAddress - endAddress`; networkName: `name` (`handle` for domains' `ldhName`);
///   country: `country`.
enum RDAPResponse {
    struct Object: Decodable {
        var objectClassName: String?
        var handle: String?
        var name: String?
        var ldhName: String?
        var country: String?
        var startAddress: String?
        var endAddress: String?
        var startAutnum: UInt32?
        var entities: [Entity]?
    }

    struct Entity: Decodable {
        var roles: [String]?
        var vcardArray: VCard?
        var entities: [Entity]?
    }

    /// jCard (RFC 7095): `["vcard", [["fn", {}, "text", "Name"], …]]`; only text `fn` is read.
    struct VCard: Decodable {
        var formattedName: String?

        init(from decoder: any Decoder) throws {
            var outer = try decoder.unkeyedContainer()
            _ = try? outer.decode(String.self)
            guard var properties = try? outer.nestedUnkeyedContainer() else { return }
            var count = 0
            while !properties.isAtEnd, count < 64 {
                count += 1
                guard var property = try? properties.nestedUnkeyedContainer() else {
                    _ = try? properties.decode(Skip.self)
                    continue
                }
                let name = try? property.decode(String.self)
                _ = try? property.decode(Skip.self)
                _ = try? property.decode(String.self)
                if name == "fn", self.formattedName == nil, let value = try? property.decode(String.self) {
                    self.formattedName = String(value.prefix(256))
                }
            }
        }
    }

    /// Consumes any JSON value.
    struct Skip: Decodable {
        init(from decoder: any Decoder) throws {}
    }

    /// The WHOIS-shaped fields of an RDAP answer body; `nil` when it is not an RDAP object.
    static func parse(_ body: [UInt8]) -> WHOISResponse? {
        guard let object = try? JSONDecoder().decode(Object.self, from: Data(body)) else { return nil }
        guard object.objectClassName != nil || object.handle != nil else { return nil }
        var response = WHOISResponse()
        let entities = Self.flatten(object.entities ?? [], depth: 0)
        let preferred =
            entities.first { $0.roles?.contains("registrant") == true && $0.vcardArray?.formattedName != nil }
            ?? entities.first { $0.roles?.contains("administrative") == true && $0.vcardArray?.formattedName != nil }
            ?? entities.first { $0.vcardArray?.formattedName != nil }
        response.organisation = preferred?.vcardArray?.formattedName ?? object.name.map { String($0.prefix(256)) }
        if let start = object.startAddress, let end = object.endAddress {
            response.networkRange = String((start + " - " + end).prefix(128))
        }
        response.networkName = (object.name ?? object.ldhName ?? object.handle).map { String($0.prefix(256)) }
        response.country = object.country.map { String($0.prefix(8)) }
        return response
    }

    private static func flatten(_ entities: [Entity], depth: Int) -> [Entity] {
        guard depth < 4 else { return [] }
        var all: [Entity] = []
        for entity in entities.prefix(32) {
            all.append(entity)
            all += Self.flatten(entity.entities ?? [], depth: depth + 1)
        }
        return all
    }
}
