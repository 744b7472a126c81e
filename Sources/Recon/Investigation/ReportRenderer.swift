/// Prints an ``InvestigationReport`` as the paper's Table I (plain text, one column per host) or JSON.
///
/// Attacker strings are escaped: text output has no control characters (each becomes `\xNN`) and cells
/// are cut to ``maximumCellWidth``; JSON escapes quotes, backslashes, control characters and `<`, `>`,
/// `&` (as `\u00XX`), so the output is safe inside HTML too.
public enum ReportRenderer {
    /// The widest text cell.
    public static let maximumCellWidth = 32

    /// The rows of Table I, plus Roles and the two hop counts.
    public static func rows(_ report: InvestigationReport) -> [(label: String, cells: [String])] {
        let hosts = report.hosts
        func row(_ label: String, _ cell: (HostReport) -> String) -> (label: String, cells: [String]) {
            (label, hosts.map(cell))
        }
        return [
            row("Roles") { $0.target.roles.map(\.rawValue).joined(separator: ",") },
            row("Frequency (Historical)") { host in
                Self.cell(host.history) { entry in entry.map { "\($0.frequency)" } ?? "0 (not seen before)" }
            },
            row("WHOIS") { host in
                Self.cell(host.findings.whois) { $0.response.organisation ?? $0.response.networkName ?? "?" }
            },
            row("AS") { host in Self.cell(host.findings.asNumber) { "\($0)" } },
            row("G.L.") { host in
                Self.cell(host.findings.geolocation) { $0.cityName ?? $0.countryCode ?? "?" }
            },
            row("Are ports opened ?") { host in
                let sip = Self.cell(host.findings.sipPort) {
                    $0.state == .open ? "yes" : $0.state == .closed ? "no" : $0.state.rawValue
                }
                guard host.findings.rtpPort.value != nil else { return sip }
                return sip + " / rtp " + Self.cell(host.findings.rtpPort) { $0.state.rawValue }
            },
            row("SIP F.P.") { host in
                let passive = host.passiveFingerprint.value?.first?.name
                return passive ?? Self.cell(host.findings.activeFingerprint) { $0.first?.name ?? "?" }
            },
            row("DNS") { host in
                if host.target.address == nil {
                    // A domain with no address of its own is valid when it publishes SIP services (SRV).
                    if host.findings.addresses.value?.isEmpty ?? true, let services = host.findings.sipServices.value,
                        !services.isEmpty
                    {
                        return "true (SRV " + services.map { "\($0.target)" }.joined(separator: " ") + ")"
                    }
                    return Self.cell(host.findings.addresses) { $0.map(\.description).joined(separator: " ") }
                }
                return Self.cell(host.findings.reverseDNS) {
                    $0.confirmedNames.first?.description ?? $0.pointerNames.first.map { "\($0) (unconfirmed)" } ?? "?"
                }
            },
            row("Hops (TTL)") { host in Self.cell(host.findings.hopsByTTL) { "\($0.hops)" } },
            row("Hops (Max-Forwards)") { host in Self.cell(host.findings.hopsByMaxForwards) { "\($0.hops)" } },
        ]
    }

    /// Table I as aligned plain text: a header line with the hosts, then one line per row.
    public static func text(_ report: InvestigationReport) -> String {
        let header = (label: "", cells: report.hosts.map { Self.escapeText($0.target.host) })
        let all: [(label: String, cells: [String])] =
            [header] + Self.rows(report).map { (label: $0.label, cells: $0.cells.map(Self.escapeText)) }
        let labelWidth = all.map(\.label.count).max() ?? 0
        var widths = [Int](repeating: 0, count: report.hosts.count)
        for row in all {
            for (index, cell) in row.cells.enumerated() { widths[index] = max(widths[index], cell.count) }
        }
        var lines: [String] = []
        for row in all {
            var line = Self.pad(row.label, labelWidth)
            for (index, cell) in row.cells.enumerated() { line += "  " + Self.pad(cell, widths[index]) }
            while line.hasSuffix(" ") { line.removeLast() }
            lines.append(line)
        }
        for number in report.numbers {
            let roles = number.number.roles.map(\.rawValue).joined(separator: ",")
            let entries = Self.cell(number.enumEntries) { $0.map(\.uri).joined(separator: " ") }
            lines.append(
                "ENUM " + Self.escapeText(number.number.number) + " (" + roles + "): " + Self.escapeText(entries)
            )
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A cell: the rendered value, `-` for not applicable / not configured, `?code` otherwise.
    static func cell<V>(_ lookup: Lookup<V>, _ render: (V) -> String) -> String {
        switch lookup.outcome {
        case .known(let value): return render(value)
        case .unknown(let reason):
            return reason.code == "not-found" || reason.code == "not-configured" ? "-" : "?" + reason.code
        }
    }

    /// Control characters and non-ASCII become `\xNN`; the result is cut to ``maximumCellWidth``.
    public static func escapeText(_ text: String) -> String {
        var result = ""
        for byte in text.utf8 {
            if byte < 0x20 || byte >= 0x7F || byte == UInt8(ascii: "\\") {
                let hex = String(byte, radix: 16)
                result += "\\x" + (hex.count == 1 ? "0" + hex : hex)
            } else {
                result.unicodeScalars.append(Unicode.Scalar(byte))
            }
            if result.count >= Self.maximumCellWidth { return String(result.prefix(Self.maximumCellWidth - 1)) + "~" }
        }
        return result
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.count))
    }
}
