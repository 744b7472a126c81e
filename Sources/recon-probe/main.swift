import Recon

#if canImport(Glibc)
import Glibc
#endif

// recon-probe HOST PORT [ttl|maxforwards|port|all] [VIA-IP:VIA-PORT]
// Prints one JSON object with the IP hop count (TTL), the SIP hop count (Max-Forwards) and the SIP port
// status of HOST:PORT. With VIA, the Max-Forwards traceroute goes through that proxy (the Request-URI names
// HOST:PORT). For namespace tests in CI: the scope allows every address given on the command
// line (it is the operator's own target), the rate limit is 20 packets per second.
let arguments = CommandLine.arguments
guard arguments.count >= 3, let address = IPAddress(arguments[1]), let port = Int(arguments[2]),
    (1...65_535).contains(port)
else {
    print("usage: recon-probe HOST-IP PORT [ttl|maxforwards|port|all] [VIA-IP:VIA-PORT]")
    exit(2)
}
let mode = arguments.count > 3 ? arguments[3] : "all"
var via: (address: IPAddress, port: Int)? = nil
if arguments.count > 4 {
    let text = arguments[4]
    guard let colon = text.lastIndex(of: ":"), let viaAddress = IPAddress(String(text[..<colon])),
        let viaPort = Int(text[text.index(after: colon)...]), (1...65_535).contains(viaPort)
    else {
        print("recon-probe: VIA must be IP:PORT")
        exit(2)
    }
    via = (viaAddress, viaPort)
}
var networks = [CIDRNetwork(address: address, prefixLength: address.isIPv4 ? 32 : 128)!]
if let via { networks.append(CIDRNetwork(address: via.address, prefixLength: via.address.isIPv4 ? 32 : 128)!) }
let prober = SIPProber(
    configuration: ProbeConfiguration(),
    probeGuard: ProbeGuard(scope: ScopePolicy(allowed: networks), packetsPerSecond: 20, burst: 40)
)
var fields: [String] = [
    "\"host\":" + ReportRenderer.jsonString(address.description), "\"port\":\(port)",
]
func lookupJSON<V>(_ name: String, _ lookup: Lookup<V>, _ render: (V) -> String) -> String {
    switch lookup.outcome {
    case .known(let value): return "\"\(name)\":{\"status\":\"known\",\"value\":\(render(value))}"
    case .unknown(let reason):
        return "\"\(name)\":{\"status\":\"unknown\",\"reason\":" + ReportRenderer.jsonString(reason.code)
            + ",\"detail\":" + ReportRenderer.jsonString(reason.detail) + "}"
    }
}
func hopJSON(_ count: HopCount) -> String {
    "{\"hops\":\(count.hops),\"reachedBy\":" + ReportRenderer.jsonString(count.reachedBy) + ",\"path\":["
        + count.path.map(ReportRenderer.jsonString).joined(separator: ",") + "]}"
}
if mode == "ttl" || mode == "all" {
    fields.append(lookupJSON("hopsByTTL", await prober.hopCountByTTL(to: address, port: port), hopJSON))
}
if mode == "maxforwards" || mode == "all" {
    fields.append(
        lookupJSON("hopsByMaxForwards", await prober.hopCountByMaxForwards(to: address, port: port, via: via), hopJSON)
    )
}
if mode == "port" || mode == "all" {
    fields.append(
        lookupJSON("sipPort", await prober.sipPortStatus(of: address, port: port)) {
            "{\"state\":\"\($0.state.rawValue)\",\"evidence\":" + ReportRenderer.jsonString($0.evidence) + "}"
        }
    )
}
print("{" + fields.joined(separator: ",") + "}")
await prober.shutdown()
