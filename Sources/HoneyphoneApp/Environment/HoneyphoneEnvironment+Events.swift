public import Agent
import Foundation
public import Reporting
import SIPTransport

/// One event sink named by the environment (`event-jsonl`, `event-syslog`, `event-webhook`, `event-fail2ban`).
public enum EventSinkSetting: Sendable, Hashable {
    /// `event-jsonl: PATH [alerts]`.
    case jsonLines(path: String, filter: EventFilter)
    /// `event-syslog: udp|tcp HOST:PORT [alerts] [facility=NAME]`.
    case syslog(
        transport: SyslogSink.Transport,
        host: String,
        port: Int,
        filter: EventFilter,
        facility: SyslogMessage.Facility
    )
    /// `event-webhook: URL [alerts]`, with indented `header: NAME: VALUE` lines.
    case webhook(url: String, filter: EventFilter, headers: [Header])
    /// `event-fail2ban: PATH`.
    case fail2ban(path: String)

    /// A webhook request header.
    public struct Header: Sendable, Hashable {
        public var name: String
        public var value: String

        /// A header.
        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    /// The sink; a relative path is taken in `dataFolder`.
    public func makeSink(dataFolder: String) throws(ReportingError) -> any EventSink {
        func resolved(_ path: String) -> String { path.hasPrefix("/") ? path : dataFolder + "/" + path }
        switch self {
        case .jsonLines(let path, let filter):
            return JSONLinesSink(path: resolved(path), filter: filter)
        case .syslog(let transport, let host, let port, let filter, let facility):
            return SyslogSink(transport: transport, host: host, port: port, filter: filter, facility: facility)
        case .webhook(let url, let filter, let headers):
            return try WebhookSink(url: url, headers: headers.map { ($0.name, $0.value) }, filter: filter)
        case .fail2ban(let path):
            return Fail2banSink(path: resolved(path))
        }
    }
}

extension HoneyphoneEnvironment {
    /// Reads the event keys, each repeatable, in file order.
    static func eventSinks(_ reader: AttributeReader) throws(SettingsError) -> [EventSinkSetting] {
        var sinks: [(line: Int, sink: EventSinkSetting)] = []
        for entry in reader.all("event-jsonl") {
            let (words, filter) = try Self.words(entry, reader)
            guard words.count == 1 else { throw reader.error(entry, "'event-jsonl' must be 'PATH [alerts]'") }
            sinks.append((entry.line, .jsonLines(path: words[0], filter: filter)))
        }
        for entry in reader.all("event-fail2ban") {
            guard !entry.value.isEmpty, !entry.value.contains(" ") else {
                throw reader.error(entry, "'event-fail2ban' must be a PATH (it always takes alerts only)")
            }
            sinks.append((entry.line, .fail2ban(path: entry.value)))
        }
        for entry in reader.all("event-syslog") {
            let (words, filter, facilityName) = try Self.syslogWords(entry, reader)
            let usage = "'event-syslog' must be 'udp|tcp HOST:PORT [alerts] [facility=local0]'"
            guard words.count == 2, let transport = SyslogSink.Transport(rawValue: words[0]),
                let server = Self.server(words[1], defaultTransport: .udp), words[1].contains(":"),
                (1...65_535).contains(server.port)
            else { throw reader.error(entry, usage) }
            var facility = SyslogMessage.Facility.local0
            if let facilityName {
                guard let named = SyslogMessage.Facility(name: facilityName) else {
                    throw reader.error(entry, "unknown syslog facility '\(facilityName)' (kern … local7)")
                }
                facility = named
            }
            sinks.append(
                (
                    entry.line,
                    .syslog(
                        transport: transport,
                        host: server.host,
                        port: server.port,
                        filter: filter,
                        facility: facility
                    )
                )
            )
        }
        for entry in reader.all("event-webhook") {
            let (words, filter) = try Self.words(entry, reader)
            guard words.count == 1 else { throw reader.error(entry, "'event-webhook' must be 'URL [alerts]'") }
            do {
                try WebhookSink.validate(url: words[0])
            } catch {
                throw reader.error(entry, "'event-webhook' must be an http:// or https:// URL with a host")
            }
            let children = AttributeReader(fileName: reader.fileName, entries: entry.children, known: ["header"])
            try children.checkKeys()
            var headers: [EventSinkSetting.Header] = []
            for header in children.all("header") {
                let parts = header.value.split(separator: ":", maxSplits: 1)
                guard parts.count == 2, !parts[0].isEmpty,
                    parts[0].utf8.allSatisfy({ (33...126).contains($0) })
                else { throw children.error(header, "'header' must be 'NAME: VALUE'") }
                headers.append(
                    .init(name: String(parts[0]), value: parts[1].trimmingCharacters(in: .whitespaces))
                )
            }
            sinks.append((entry.line, .webhook(url: words[0], filter: filter, headers: headers)))
        }
        return sinks.sorted { $0.line < $1.line }.map(\.sink)
    }

    /// The words of a value and whether the `alerts` word is among them.
    private static func words(
        _ entry: AttributeDocument.Entry,
        _ reader: AttributeReader
    ) throws(SettingsError) -> ([String], EventFilter) {
        var words = entry.value.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        var filter = EventFilter.all
        if words.count > 1, words.last == "alerts" {
            words.removeLast()
            filter = .alerts
        }
        if words.isEmpty { throw reader.error(entry, "'\(entry.key)' needs a value") }
        return (words, filter)
    }

    private static func syslogWords(
        _ entry: AttributeDocument.Entry,
        _ reader: AttributeReader
    ) throws(SettingsError) -> ([String], EventFilter, String?) {
        var words: [String] = []
        var filter = EventFilter.all
        var facility: String?
        for word in entry.value.split(separator: " ", omittingEmptySubsequences: true) {
            if word == "alerts", words.count == 2 {
                filter = .alerts
            } else if word.hasPrefix("facility="), words.count == 2 {
                facility = String(word.dropFirst("facility=".count))
            } else {
                words.append(String(word))
            }
        }
        return (words, filter, facility)
    }
}
