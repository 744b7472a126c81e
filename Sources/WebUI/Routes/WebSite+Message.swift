import Hummingbird
import Storage

extension WebSite {
    func messagePage(_ record: TraceRecord, _ context: WebRequestContext) async throws -> Response {
        let s = record.summary
        var verdict: VerdictRecord?
        if record.direction == .received {
            verdict = try await self.store.verdict(at: record.timestamp, source: record.remote.address)
        }
        let parsed: [(String, String?)] = [
            ("Kind", s.kind.rawValue), ("Method", s.method), ("Status", s.statusCode.map { "\($0)" }),
            ("Reason", s.reasonPhrase), ("Request-URI", s.requestURI), ("Call-ID", s.callID),
            ("CSeq", s.cseqNumber.map { "\($0) \(s.cseqMethod ?? "")" }), ("From", s.fromURI),
            ("From tag", s.fromTag), ("To", s.toURI), ("To tag", s.toTag), ("Contact", s.contactURI),
            ("User-Agent", s.userAgent), ("Parse error", s.parseErrorCode), ("Dialog", record.dialogID),
            ("Registration", record.registrationID),
        ]
        let id = record.id ?? 0
        var values: [String: Any] = [
            "id": id,
            "directionText": record.direction == .received ? "Received" : "Sent",
            "time": Format.time(record.timestamp),
            "transport": record.transport.rawValue,
            "remote": Format.endpoint(record.remote),
            "local": Format.endpoint(record.local),
            "sourceLink": Links.query("/traces", [("source", record.remote.address)]),
            "size": record.raw.count,
            "raw": Format.rawText(record.raw),
            "headers": SIPHeaderLines.parse(record.raw).map { ["name": $0.name, "value": $0.value] },
            "parsed": parsed.compactMap { name, value in value.map { ["name": name, "value": $0] } },
            "anomalies": record.anomalies.map {
                ["code": $0.code, "severity": $0.severity, "offset": $0.offset, "detail": $0.detail] as [String: Any]
            },
            "pcapLink": "/messages/\(id)/pcap",
        ]
        if let callID = s.callID { values["callLink"] = Links.query("/call", [("id", callID)]) }
        if s.method == "INVITE" && record.direction == .received { values["routesLink"] = "/routes?message=\(id)" }
        if let verdict {
            values["verdict"] = VerdictView(verdict).values
            if let investigation = InvestigationView(json: verdict.investigationJSON) {
                values["investigation"] = investigation.values
            }
        }
        return self.renderer.page(
            "message",
            title: "Message \(id)",
            navigation: "traces",
            identity: self.backend.identity,
            context: context,
            values: values
        )
    }

    func routesPage(_ record: TraceRecord, _ context: WebRequestContext) async throws -> Response {
        let headers = SIPHeaderLines.parse(record.raw)
        // Via: the first header is the last hop; the originator is at the bottom.
        let vias = headers.filter { ["via", "v"].contains($0.name.lowercased()) }
            .flatMap { SIPHeaderLines.splitList($0.value) }
        let sipHops: [(host: String, detail: String)] =
            vias.reversed().map { (SIPHeaderLines.viaHost($0), "Via " + $0) }
            + headers.filter { $0.name.lowercased() == "record-route" }.flatMap { SIPHeaderLines.splitList($0.value) }
            .map { (SIPHeaderLines.uriHost($0), "Record-Route " + $0) }
        let verdict = try await self.store.verdict(at: record.timestamp, source: record.remote.address)
        let investigation = verdict.flatMap { InvestigationView(json: $0.investigationJSON) }
        let sourceHost = investigation?.hosts.first {
            $0.host == record.remote.address || $0.roles.contains("signaling-source")
        }
        let ipPath = (sourceHost?.cells["hopsByTTL"]?.path ?? []).filter { $0 != "*" }
        let ttlHops = sourceHost?.cells["hopsByTTL"].flatMap { $0.status == "known" ? $0.value : nil } ?? "unknown"
        let mfHops =
            sourceHost?.cells["hopsByMaxForwards"].flatMap { $0.status == "known" ? $0.value : nil } ?? "unknown"
        var addresses = Set(sipHops.map(\.host) + ipPath + [record.remote.address, record.local.address])
        addresses.remove("")
        var located = await self.backend.locate(Array(addresses).sorted())
        for host in investigation?.hosts ?? [] where located[host.host] == nil {
            if let cell = host.cells["geolocation"], let latitude = cell.latitude, let longitude = cell.longitude {
                located[host.host] = GeoPoint(latitude: latitude, longitude: longitude, label: cell.value ?? "")
            }
        }
        func place(_ host: String) -> String { located[host].map { $0.label.isEmpty ? "located" : $0.label } ?? "" }
        let honeypot = record.local.address
        let sipRoute = (sipHops.map(\.host) + [honeypot]).compactMap { located[$0] }
        let ipRoute = ([record.remote.address] + ipPath.reversed() + [honeypot]).compactMap { located[$0] }
        let map = Charts.map(
            points: located.sorted { $0.key < $1.key }.map { (host: $0.key, point: $0.value) },
            sipRoute: sipRoute,
            ipRoute: ipRoute
        )
        return self.renderer.page(
            "routes",
            title: "Routes",
            navigation: "traces",
            identity: self.backend.identity,
            context: context,
            values: [
                "id": record.id ?? 0,
                "messageLink": "/messages/\(record.id ?? 0)",
                "source": Format.endpoint(record.remote),
                "method": record.summary.method ?? "",
                "sipHops": sipHops.map { ["host": $0.host, "detail": $0.detail, "place": place($0.host)] },
                "ipHops": ipPath.map { ["host": $0, "place": place($0)] },
                "ttlHops": ttlHops,
                "mfHops": mfHops,
                "map": map,
                "located": located.count,
                "total": addresses.count,
            ]
        )
    }
}

/// The header lines of a raw SIP message, for display: no validation, bounded (200 headers, 8 KiB per value).
enum SIPHeaderLines {
    struct Line {
        var name: String
        var value: String
    }

    static func parse(_ raw: [UInt8]) -> [Line] {
        // Lines are split on LF bytes ("\r\n" is one Character in Swift, so never split the String).
        var lines: [Line] = []
        var first = true
        for bytes in raw.prefix(65_536).split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            let trimmed = bytes.last == UInt8(ascii: "\r") ? bytes.dropLast() : bytes
            let line = Substring(String(decoding: trimmed, as: UTF8.self))
            if line.isEmpty { break }
            if first {
                first = false
                continue
            }
            if line.first == " " || line.first == "\t", !lines.isEmpty {
                lines[lines.count - 1].value += " " + line.drop { $0 == " " || $0 == "\t" }
                continue
            }
            guard let colon = line.firstIndex(of: ":"), lines.count < 200 else { continue }
            let name = line[..<colon].trimmed(" \t")
            let value = line[line.index(after: colon)...].trimmed(" \t")
            lines.append(Line(name: String(name.prefix(128)), value: String(value.prefix(8_192))))
        }
        return lines
    }

    /// A header value's comma-separated elements (commas inside `<…>` or quotes do not split).
    static func splitList(_ value: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var quoted = false
        var angle = 0
        for character in value {
            switch character {
            case "\"": quoted.toggle()
            case "<" where !quoted: angle += 1
            case ">" where !quoted: angle = max(0, angle - 1)
            case "," where !quoted && angle == 0:
                parts.append(current.trimmed(" \t"))
                current = ""
                continue
            default: break
            }
            current.append(character)
        }
        let last = current.trimmed(" \t")
        if !last.isEmpty { parts.append(last) }
        return Array(parts.prefix(70))
    }

    /// The sent-by host of a Via value (`SIP/2.0/UDP host:port;…`), or its `received=` when present.
    static func viaHost(_ via: String) -> String {
        let parameters = via.split(separator: ";").map { $0.trimmed(" \t") }
        if let received = parameters.first(where: { $0.lowercased().hasPrefix("received=") }) {
            return String(received.dropFirst("received=".count))
        }
        guard let sentBy = parameters.first?.split(separator: " ", omittingEmptySubsequences: true).last else {
            return ""
        }
        return Self.hostOnly(String(sentBy))
    }

    /// The host of a `<sip:host;lr>` or `sip:user@host:port` URI.
    static func uriHost(_ uri: String) -> String {
        var text = Substring(uri)
        if let open = text.firstIndex(of: "<"), let close = text.lastIndex(of: ">"), open < close {
            text = text[text.index(after: open)..<close]
        }
        if let colon = text.firstIndex(of: ":") { text = text[text.index(after: colon)...] }
        if let at = text.lastIndex(of: "@") { text = text[text.index(after: at)...] }
        let host = text.prefix { $0 != ";" && $0 != ">" && $0 != "?" }
        return Self.hostOnly(String(host))
    }

    /// `host` without `:port`, IPv6 without brackets.
    static func hostOnly(_ hostPort: String) -> String {
        if hostPort.hasPrefix("["), let close = hostPort.firstIndex(of: "]") {
            return String(hostPort[hostPort.index(after: hostPort.startIndex)..<close])
        }
        if let colon = hostPort.lastIndex(of: ":"), hostPort.firstIndex(of: ":") == colon {
            return String(hostPort[..<colon])
        }
        return hostPort
    }
}

extension StringProtocol {
    func trimmed(_ set: String) -> String {
        var view = Substring(self)
        while let first = view.first, set.contains(first) { view = view.dropFirst() }
        while let last = view.last, set.contains(last) { view = view.dropLast() }
        return String(view)
    }
}
