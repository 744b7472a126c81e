import Agent
import Foundation
import Recon
import SIPCore

/// `honeyphone investigate HOST|FILE.sip [--json] [--investigation FILE]`: investigates one host (as the source
/// of a minimal OPTIONS) or the hosts of one message, and prints the paper's Table I as text or JSON.
///
/// Exit status: 0 printed; 64 HOST is neither an IP address nor a valid host name nor a readable file; 65 the file
/// holds no SIP message; 66 the file cannot be read; 78 the investigation settings are invalid.
public struct InvestigateCommandRunner: Sendable {
    public var target: String
    public var json: Bool
    public var investigationPath: String?

    /// A runner.
    public init(target: String, json: Bool, investigationPath: String?) {
        self.target = target
        self.json = json
        self.investigationPath = investigationPath
    }

    /// Runs; `print` receives the output. Returns the exit status.
    public func run(print: @escaping @Sendable (String) -> Void) async -> Int32 {
        let message: SIPMessage
        if FileManager.default.fileExists(atPath: self.target) {
            do {
                let loaded = try AnalysisInput.load(path: self.target)
                guard let first = loaded.messages.first?.message else {
                    print("honeyphone: \(self.target): no SIP request")
                    return 65
                }
                message = first
            } catch {
                print("honeyphone: \(error)")
                return error.exitStatus
            }
        } else {
            guard let synthetic = Self.syntheticMessage(host: self.target) else {
                print("honeyphone: '\(ReportRenderer.escapeText(self.target))' is not an address, host name or file")
                return 64
            }
            message = synthetic
        }
        do {
            let settings = try AnalysisToolkit.settings(path: self.investigationPath)
            let toolkit = try await AnalysisToolkit.make(settings: settings, ours: OurURIs([]))
            let report = await toolkit.investigator.investigate(message, sdp: MessageEvidence.sdp(of: message))
            await toolkit.shutdown()
            print(self.json ? ReportRenderer.json(report) : ReportRenderer.text(report))
            return 0
        } catch {
            print("honeyphone: \(error)")
            return error.exitStatus
        }
    }

    /// An OPTIONS whose top Via and Contact name `host` (points A and B), to investigate a bare host.
    static func syntheticMessage(host: String) -> SIPMessage? {
        guard let canonical = InterrogationList.canonicalHost(host) else { return nil }
        let hostText = canonical.contains(":") ? "[\(canonical)]" : canonical
        let text =
            "OPTIONS sip:investigate@\(hostText) SIP/2.0\r\nVia: SIP/2.0/UDP \(hostText):5060;branch=z9hG4bK-investigate\r\n"
            + "Max-Forwards: 70\r\nTo: <sip:investigate@\(hostText)>\r\nFrom: <sip:investigate@\(hostText)>;tag=1\r\n"
            + "Call-ID: investigate\r\nCSeq: 1 OPTIONS\r\nContact: <sip:investigate@\(hostText):5060>\r\n"
            + "Content-Length: 0\r\n\r\n"
        return try? SIPMessageParser.parseDatagram(Array(text.utf8))
    }
}
