/// The metadata of a MaxMind DB file (spec "Database Metadata").
public struct MMDBMetadata: Hashable, Sendable {
    /// Number of nodes in the search tree.
    public var nodeCount: Int
    /// Bits per record: 24, 28 or 32.
    public var recordSize: Int
    /// 4 or 6.
    public var ipVersion: Int
    /// e.g. `GeoLite2-Country`.
    public var databaseType: String
    /// Seconds since the epoch when the database was built.
    public var buildEpoch: UInt64
    /// The format's major version (2).
    public var binaryFormatMajorVersion: Int
    /// Language codes of `names` maps.
    public var languages: [String]
    /// Descriptions by language.
    public var description: [String: String]

    /// The marker that starts the metadata section.
    public static let marker: [UInt8] = [0xAB, 0xCD, 0xEF] + Array("MaxMind.com".utf8)
    /// How far from the end the marker is searched (spec: the metadata is at most 128 KiB).
    public static let searchWindow = 128 * 1024

    /// Finds and decodes the metadata; returns it and the offset where the marker starts.
    static func find(in bytes: [UInt8], limits: MMDBLimits) throws(MMDBError) -> (MMDBMetadata, Int) {
        let marker = Self.marker
        let lowest = max(0, bytes.count - Self.searchWindow)
        var start = bytes.count - marker.count
        var found: Int? = nil
        while start >= lowest {
            if bytes[start] == marker[0], bytes[start..<start + marker.count].elementsEqual(marker) {
                found = start
                break
            }
            start -= 1
        }
        guard let markerStart = found else { throw .noMetadata() }
        let dataStart = markerStart + marker.count
        var decoder = MMDBDataDecoder(bytes: bytes, sectionStart: dataStart, sectionEnd: bytes.count, limits: limits)
        let (value, _) = try decoder.decode(at: dataStart)
        guard let nodeCount = value[path: "node_count"]?.unsignedValue,
            let recordSize = value[path: "record_size"]?.unsignedValue,
            let ipVersion = value[path: "ip_version"]?.unsignedValue
        else { throw .badMetadata("node_count, record_size or ip_version missing") }
        guard [24, 28, 32].contains(recordSize) else { throw .badMetadata("record size \(recordSize)") }
        guard ipVersion == 4 || ipVersion == 6 else { throw .badMetadata("ip version \(ipVersion)") }
        guard nodeCount < UInt64(Int32.max) else { throw .badMetadata("node count \(nodeCount)") }
        var languages: [String] = []
        if case .array(let values)? = value[path: "languages"] { languages = values.compactMap(\.stringValue) }
        var descriptions: [String: String] = [:]
        if case .map(let entries)? = value[path: "description"] {
            for (key, text) in entries { descriptions[key] = text.stringValue }
        }
        let metadata = MMDBMetadata(
            nodeCount: Int(nodeCount),
            recordSize: Int(recordSize),
            ipVersion: Int(ipVersion),
            databaseType: value[path: "database_type"]?.stringValue ?? "",
            buildEpoch: value[path: "build_epoch"]?.unsignedValue ?? 0,
            binaryFormatMajorVersion: Int(value[path: "binary_format_major_version"]?.unsignedValue ?? 0),
            languages: languages,
            description: descriptions
        )
        return (metadata, markerStart)
    }
}
