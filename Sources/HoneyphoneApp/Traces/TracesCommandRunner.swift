public import Foundation
import Reporting
public import Storage

/// `honeyphone traces`: lists, shows and exports what the trace store holds.
///
/// Text output is one line per message: id, UTC time, direction (`<-` received, `->` sent), transport, remote
/// endpoint, method or status, Call-ID, From → To, User-Agent. Attacker text is made inert: control characters
/// become `?` and fields are cut at 80 characters. `--json` prints one JSON object per line (every summary
/// field, anomalies, and the raw message as text with escapes); `--pcap FILE` writes a pcap (LINKTYPE_RAW)
/// that Wireshark and tshark decode as SIP; `--show ID` prints one message whole.
public struct TracesCommandRunner: Sendable {
    /// What to print.
    public enum Output: Sendable, Hashable {
        case text
        case json
        case pcap(String)
    }

    public var dataFolder: String
    public var query: TraceQuery
    public var output: Output
    public var show: Int64?

    /// A runner over the store in `dataFolder`.
    public init(dataFolder: String, query: TraceQuery, output: Output, show: Int64?) {
        self.dataFolder = dataFolder
        self.query = query
        self.output = output
        self.show = show
    }

    /// Parses `--since`: seconds since the epoch, an ISO 8601 UTC time (`2026-11-25T16:00:00Z`), or an age
    /// such as `10m`, `2h`, `3d` before now.
    public static func parseSince(_ text: String, now: Date = Date()) -> TraceTimestamp? {
        if let seconds = Int64(text) { return TraceTimestamp(secondsSinceEpoch: seconds) }
        if let unit = text.last, let value = Double(text.dropLast()), value >= 0 {
            let scale: Double? =
                switch unit {
                case "s": 1
                case "m": 60
                case "h": 3_600
                case "d": 86_400
                default: nil
                }
            if let scale {
                return TraceTimestamp(nanosecondsSinceEpoch: Int64((now.timeIntervalSince1970 - value * scale) * 1e9))
            }
        }
        let formatter = ISO8601DateFormatter()
        if let date = formatter.date(from: text) {
            return TraceTimestamp(nanosecondsSinceEpoch: Int64(date.timeIntervalSince1970 * 1e9))
        }
        return nil
    }

    /// Runs; returns the exit status (0, or 1 when nothing matched `--show`).
    public func run(print: @Sendable (String) -> Void) async throws -> Int32 {
        let path = self.dataFolder + "/traces.sqlite"
        guard FileManager.default.fileExists(atPath: path) else {
            print("honeyphone: no trace store at \(path)")
            return 1
        }
        let store = try SQLiteTraceStore(path: path)
        if let id = self.show {
            guard let record = try await store.record(id: id) else {
                print("honeyphone: no message \(id)")
                return 1
            }
            print(Self.line(record))
            for anomaly in record.anomalies {
                print(
                    "  anomaly \(anomaly.severity) \(anomaly.code) at \(anomaly.offset): \(Self.inert(anomaly.detail, limit: 200))"
                )
            }
            print(Self.inertBlock(record.raw))
            return 0
        }
        let records = try await store.query(self.query)
        switch self.output {
        case .text:
            for record in records { print(Self.line(record)) }
            print("\(records.count) message(s)")
        case .json:
            for record in records { print(Self.json(record)) }
        case .pcap(let file):
            try PcapWriter.write(records, toFile: file)
            print("honeyphone: wrote \(records.count) message(s) to \(file)")
        }
        return 0
    }

    static func line(_ record: TraceRecord) -> String {
        let s = record.summary
        let what: String =
            if let method = s.method { method } else if let status = s.statusCode { String(status) } else {
                "unparsed(\(s.parseErrorCode ?? "?"))"
            }
        let direction = record.direction == .received ? "<-" : "->"
        return [
            String(record.id ?? 0), Self.time(record.timestamp), direction, record.transport.rawValue,
            record.remote.description, Self.inert(what, limit: 24), Self.inert(s.callID ?? "-", limit: 48),
            Self.inert(s.fromURI ?? "-", limit: 60) + " -> " + Self.inert(s.toURI ?? "-", limit: 60),
            Self.inert(s.userAgent ?? "-", limit: 60),
        ].joined(separator: "  ")
    }

    /// `2026-11-25T16:51:35.123456Z`.
    static func time(_ timestamp: TraceTimestamp) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        let seconds = formatter.string(from: Date(timeIntervalSince1970: Double(timestamp.seconds)))
        let micros = String(timestamp.nanoseconds / 1_000)
        return seconds.dropLast() + "." + String(repeating: "0", count: 6 - micros.count) + micros + "Z"
    }

    static func json(_ record: TraceRecord) -> String {
        var w = JSONWriter()
        let s = record.summary
        w.beginObject()
        w.field("id", record.id.map { Int($0) })
        w.field("time", Self.time(record.timestamp))
        w.field("direction", record.direction.rawValue)
        w.field("transport", record.transport.rawValue)
        w.field("local", record.local.description)
        w.field("remote", record.remote.description)
        w.field("kind", s.kind.rawValue)
        w.field("method", s.method)
        w.field("status", s.statusCode)
        w.field("reason", s.reasonPhrase)
        w.field("request_uri", s.requestURI)
        w.field("call_id", s.callID)
        w.field("from", s.fromURI)
        w.field("to", s.toURI)
        w.field("contact", s.contactURI)
        w.field("user_agent", s.userAgent)
        w.key("anomalies")
        w.beginArray()
        for anomaly in record.anomalies {
            w.beginObject()
            w.field("code", anomaly.code)
            w.field("severity", anomaly.severity)
            w.field("offset", anomaly.offset)
            w.endObject()
        }
        w.endArray()
        w.field("raw", String(decoding: record.raw, as: UTF8.self))
        w.endObject()
        return w.output
    }

    /// Text with control characters replaced and cut at `limit` characters.
    static func inert(_ text: String, limit: Int) -> String {
        var out = ""
        for scalar in text.unicodeScalars.prefix(limit) {
            out.unicodeScalars.append(
                scalar.value < 0x20 || scalar.value == 0x7F || (0x80..<0xA0).contains(scalar.value) ? "?" : scalar
            )
        }
        return text.unicodeScalars.count > limit ? out + "…" : out
    }

    /// A raw message for the terminal: printable ASCII kept, CRLF as line breaks, other bytes as `\xNN`.
    static func inertBlock(_ bytes: [UInt8]) -> String {
        var out = ""
        for b in bytes {
            switch b {
            case 0x0A: out += "\n"
            case 0x0D: continue
            case 0x20...0x7E: out.unicodeScalars.append(Unicode.Scalar(b))
            default: out += "\\x" + String(b, radix: 16, uppercase: true).leftPadded(2)
            }
        }
        return out
    }
}

extension String {
    fileprivate func leftPadded(_ width: Int) -> String {
        self.count >= width ? self : String(repeating: "0", count: width - self.count) + self
    }
}
