import NIOCore
import NIOPosix
import Recon
import ReconTestSupport

#if canImport(Glibc)
import Glibc
#endif

// recon-lab: the test services of Tests/ReconLab (never part of a honeypot deployment).
//
//   recon-lab mmdb GEO.tsv OUT.mmdb
//       Builds a MaxMind-format database (GeoLite2 City + ASN layout in one record) from a TSV file:
//       network  country-code  country-name  city  latitude  longitude  as-number  as-organisation
//   recon-lab whois ADDRESS PORT DB.txt [MAX-SECONDS]
//       An RFC 3912 WHOIS server: one query line in, the answer out, then close. DB.txt holds objects
//       separated by blank lines; the first line names the object: `inetnum: A - B` (an IPv4 range, the
//       smallest containing range answers), `aut-num: ASn`, `domain: NAME`. Unknown queries get
//       `%ERROR:101: no entries found`. It exits after MAX-SECONDS (default 600) or 10,000 connections.
//   recon-lab rdap ADDRESS PORT DB.txt [MAX-SECONDS [REDIRECT-BASE]]
//       An RDAP server (HTTP/1.1) over the same objects: /ip/A, /autnum/N, /domain/NAME. With REDIRECT-BASE
//       (e.g. http://127.0.0.2:8080) it is a bootstrap server: every request is redirected there (302).
let arguments = CommandLine.arguments

func fail(_ message: String) -> Never {
    let text = "recon-lab: \(message)\n"
    _ = text.withCString { write(2, $0, strlen($0)) }
    exit(2)
}

func readText(_ path: String) -> String {
    guard let bytes = try? ReconFile.readAllBlocking(path: path, maximumBytes: 4 << 20) else {
        fail("cannot read \(path)")
    }
    return String(decoding: bytes, as: UTF8.self)
}

guard arguments.count >= 2 else {
    fail("usage: recon-lab mmdb GEO.tsv OUT.mmdb | whois ADDRESS PORT DB.txt [MAX-SECONDS]")
}
switch arguments[1] {
case "mmdb":
    guard arguments.count == 4 else { fail("usage: recon-lab mmdb GEO.tsv OUT.mmdb") }
    var writer = MMDBWriter(ipVersion: 6, recordSize: 28, databaseType: "Honeyphone-Lab-City-ASN")
    var count = 0
    for (number, line) in readText(arguments[2]).split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
        if line.isEmpty || line.hasPrefix("#") { continue }
        let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        guard fields.count == 8, let latitude = Double(fields[4]), let longitude = Double(fields[5]),
            let asNumber = UInt64(fields[6])
        else { fail("\(arguments[2]):\(number + 1): expected 8 tab-separated fields") }
        writer.insert(
            network: fields[0],
            value: .map([
                "country": .map(["iso_code": .string(fields[1]), "names": .map(["en": .string(fields[2])])]),
                "city": .map(["names": .map(["en": .string(fields[3])])]),
                "location": .map(["latitude": .double(latitude), "longitude": .double(longitude)]),
                "autonomous_system_number": .unsigned(asNumber),
                "autonomous_system_organization": .string(fields[7]),
            ])
        )
        count += 1
    }
    let bytes = writer.build()
    guard let file = fopen(arguments[3], "wb") else { fail("cannot write \(arguments[3])") }
    let written = bytes.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count, file) }
    fclose(file)
    guard written == bytes.count else { fail("short write to \(arguments[3])") }
    print("recon-lab: \(arguments[3]): \(count) networks, \(bytes.count) bytes")
case "whois":
    guard arguments.count >= 5, let port = Int(arguments[3]) else {
        fail("usage: recon-lab whois ADDRESS PORT DB.txt [MAX-SECONDS]")
    }
    let database = LabWHOISDatabase(text: readText(arguments[4]))
    let seconds = arguments.count > 5 ? Int64(arguments[5]) ?? 600 : 600
    let server = try await LabWHOISServer.start(host: arguments[2], port: port, database: database)
    print("recon-lab: WHOIS on \(arguments[2]):\(port), \(database.objectCount) objects, for \(seconds) s")
    await server.run(forAtMost: .seconds(seconds), maximumConnections: 10_000)
case "rdap":
    guard arguments.count >= 5, let port = Int(arguments[3]) else {
        fail("usage: recon-lab rdap ADDRESS PORT DB.txt [MAX-SECONDS [REDIRECT-BASE]]")
    }
    let database = LabWHOISDatabase(text: readText(arguments[4]))
    let seconds = arguments.count > 5 ? Int64(arguments[5]) ?? 600 : 600
    let redirect = arguments.count > 6 ? arguments[6] : nil
    let server = try await LabRDAPServer.start(host: arguments[2], port: port, database: database, redirect: redirect)
    print("recon-lab: RDAP on \(arguments[2]):\(port)" + (redirect.map { ", redirecting to \($0)" } ?? ""))
    await server.run(forAtMost: .seconds(seconds), maximumConnections: 10_000)
default:
    fail("unknown command \(arguments[1])")
}
