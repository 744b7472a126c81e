import Recon
import ReconTestSupport
import Testing

@Suite struct MMDBReaderTests {
    static func record(_ country: String, _ asn: UInt64, _ org: String, city: String? = nil) -> MMDBValue {
        var entries: [String: MMDBValue] = [
            "country": .map(["iso_code": .string(country), "names": .map(["en": .string(country + "-name")])]),
            "autonomous_system_number": .unsigned(asn),
            "autonomous_system_organization": .string(org),
        ]
        if let city {
            entries["city"] = .map(["names": .map(["en": .string(city)])])
            entries["location"] = .map(["latitude": .double(48.85), "longitude": .double(2.35)])
        }
        return .map(entries)
    }

    @Test(arguments: [24, 28, 32], [4, 6]) func lookupsInWrittenDatabases(recordSize: Int, ipVersion: Int) throws {
        var writer = MMDBWriter(ipVersion: ipVersion, recordSize: recordSize)
        writer.insert(network: "10.77.0.0/24", value: Self.record("SE", 64500, "HONEYPOT-LAB"))
        writer.insert(network: "10.77.0.128/26", value: Self.record("NL", 64511, "EVIL", city: "Paris"))
        if ipVersion == 6 { writer.insert(network: "2001:db8::/32", value: Self.record("DE", 64497, "V6")) }
        let reader = try MMDBReader(bytes: writer.build())
        #expect(reader.metadata.recordSize == recordSize)
        let evil = try #require(try reader.lookup(.v4(10, 77, 0, 140)))
        let geo = GeoRecord(evil)
        #expect(geo.countryCode == "NL")
        #expect(geo.cityName == "Paris")
        #expect(geo.latitude == 48.85)
        #expect(geo.longitude == 2.35)
        #expect(geo.asNumber == 64511)
        #expect(geo.asOrganization == "EVIL")
        #expect(geo.prefixLength == 26)  // in the IPv4 family even inside an IPv6 tree
        #expect(GeoRecord(try #require(try reader.lookup(.v4(10, 77, 0, 20)))).countryCode == "SE")
        #expect(try reader.lookup(.v4(192, 0, 2, 1)) == nil)
        if ipVersion == 6 {
            #expect(GeoRecord(try #require(try reader.lookup(IPAddress("2001:db8::77")!))).asNumber == 64497)
        } else {
            #expect(try reader.lookup(IPAddress("2001:db8::77")!) == nil)
        }
    }

    @Test func allValueTypesRoundTrip() throws {
        let value = MMDBValue.map([
            "s": .string(String(repeating: "x", count: 300)), "d": .double(-1.5), "b": .bytes([1, 2, 3]),
            "u16": .unsigned(7), "u32": .unsigned(70_000), "u64": .unsigned(1 << 40), "u128": .uint128(high: 1, low: 2),
            "i": .int32(-5), "a": .array([.boolean(true), .boolean(false), .float(0.5)]),
        ])
        var writer = MMDBWriter(ipVersion: 4, recordSize: 24)
        writer.insert(network: "0.0.0.0/1", value: value)
        let reader = try MMDBReader(bytes: writer.build())
        #expect(try reader.lookup(.v4(1, 2, 3, 4))?.value == value)
    }

    @Test func hostileInputsThrow() throws {
        #expect(throws: MMDBError.self) { try MMDBReader(bytes: Array(repeating: 0, count: 100)) }
        var writer = MMDBWriter(ipVersion: 4, recordSize: 24)
        writer.insert(network: "10.0.0.0/8", value: .string("ok"))
        let good = writer.build()
        for cut in stride(from: 0, to: good.count, by: 7) {
            // Must only not crash.
            _ = try? MMDBReader(bytes: Array(good.prefix(cut))).lookup(IPAddress.v4(10, 1, 1, 1))
        }
        // A data section whose only value is a map containing a pointer back to the map itself.
        var data = MMDBWriter.DataEncoder()
        data.writeControl(type: 7, size: 1)
        _ = data.write(.string("k"))
        data.writePointer(0)
        #expect(throws: MMDBError.self) { try Self.decodeRaw(data.bytes) }
        // A pointer to a pointer.
        var chain = MMDBWriter.DataEncoder()
        chain.writePointer(2)
        chain.writePointer(0)
        #expect(throws: MMDBError.self) { try Self.decodeRaw(chain.bytes) }
        // A map claiming 65 000 entries.
        var huge = MMDBWriter.DataEncoder()
        huge.writeControl(type: 7, size: 65_000)
        #expect(throws: MMDBError.self) { try Self.decodeRaw(huge.bytes) }
    }

    /// Builds a one-network IPv4 tree whose data record starts with `bytes`, then looks it up.
    static func decodeRaw(_ bytes: [UInt8]) throws {
        var writer = MMDBWriter(ipVersion: 4, recordSize: 24)
        writer.insert(network: "0.0.0.0/1", value: .boolean(true))
        var file = writer.build()
        let nodeCount = 1
        let dataStart = nodeCount * 6 + 16
        file.replaceSubrange(dataStart..<dataStart + 1, with: bytes)
        _ = try MMDBReader(bytes: file).lookup(.v4(1, 1, 1, 1))
    }

    @Test func labDatabase() async throws {
        // The lab's generated file, copied into the test target (Resources/); skipped when absent.
        let path = String(#filePath.split(separator: "/MMDB/").first ?? "") + "/Resources/lab-country-asn.mmdb"
        guard let bytes = try? ReconFile.readAllBlocking(path: path, maximumBytes: 1 << 20) else { return }
        let database = MMDBDatabase(reader: try MMDBReader(bytes: bytes), path: path, clock: ManualClock().reconClock)
        #expect(database.reader.metadata.databaseType == "Lab-Country-ASN")
        let expected: [(String, String, UInt32, String)] = [
            ("10.77.0.20", "SE", 64500, "HONEYPOT-LAB"), ("10.77.0.70", "DE", 64501, "LAB-TRANSIT"),
            ("10.77.0.140", "NL", 64511, "EVIL-TRANSIT-TEST"), ("127.0.0.1", "ZZ", 64500, "HONEYPOT-LAB"),
            ("192.0.2.9", "US", 64496, "TEST-NET-1"), ("198.51.100.7", "DE", 64497, "TEST-NET-2 scanners"),
            ("203.0.113.200", "CN", 64498, "TEST-NET-3"),
        ]
        for (ip, country, asn, org) in expected {
            let geo = try #require(database.lookup(IPAddress(ip)!).value, "\(ip)")
            #expect(geo.countryCode == country)
            #expect(geo.asNumber == asn)
            #expect(geo.asOrganization == org)
        }
        #expect(database.lookup(IPAddress.v4(8, 8, 8, 8)).unknownReason?.code == "not-found")
        #expect(database.lookup(IPAddress.v4(10, 77, 0, 140)).provenance.source.kind == "mmdb")
    }
}
