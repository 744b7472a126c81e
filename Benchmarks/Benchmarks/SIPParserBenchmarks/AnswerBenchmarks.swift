// The event loop's work for one request of an OPTIONS flood, without the sockets: what `SIPStack` does for a
// request the full transaction table hands back as stateless (RFC 3261 §8.2.7). Parse, trace record of the
// request, server transaction key, response routing, the UA core's answer in the default persona's shape, the
// response's trace summary, serialisation, trace record of the response. The sockets (recvmmsg/sendmmsg), the
// table's lookup and the queues' locks are what `Benchmarks/flood.sh` adds on top.

import Agent
import Benchmark
import NIOCore
import SIPCore
import SIPTransactions
import SIPTransport
import Storage

enum AnswerBenchmarks {
    static func register(options: ByteBuffer) {
        Benchmark("Answer OPTIONS statelessly") { benchmark in
            guard let persona = Persona.builtIn[Persona.defaultID] else { fatalError("no default persona") }
            var core = UserAgentCore(configuration: .init(defaultPersona: persona), seed: 1)
            core.answeringStatelessly = true
            let remote = try SocketAddress(ipAddress: "127.0.0.1", port: 5098)
            let local = try SocketAddress(ipAddress: "127.0.0.1", port: 5060)
            let arrival = SIPArrival(
                transport: .udp,
                remote: remote,
                local: local,
                connection: nil,
                nanosecondsSinceEpoch: 1_764_900_000_000_000_000
            )
            let localEndpoint = TraceEndpoint(address: local.ipText ?? "?", port: UInt16(clamping: local.port ?? 0))
            benchmark.startMeasurement()
            for _ in benchmark.scaledIterations {
                let request = try SIPMessageParser.parseDatagram(options)
                let time = TraceTimestamp(nanosecondsSinceEpoch: arrival.nanosecondsSinceEpoch)
                let remoteEndpoint = TraceEndpoint(
                    address: arrival.remote.ipText ?? "?",
                    port: UInt16(clamping: arrival.remote.port ?? 0)
                )
                let received = TraceRecord(
                    message: request,
                    timestamp: time,
                    direction: .received,
                    transport: .udp,
                    local: localEndpoint,
                    remote: remoteEndpoint
                )
                guard let key = SIPTransactionKey(serverTransactionOf: request) else { fatalError("no key") }
                let route = ResponseRouting.route(request, arrival: arrival)
                for action in core.received(request, key: key, arrival: arrival, route: route) {
                    guard case .respond(_, let builder) = action else { continue }
                    let summary = SIPStack.responseSummary(builder, answering: received.summary)
                    let bytes = builder.serialized()
                    let sent = TraceRecord(
                        timestamp: time,
                        direction: .sent,
                        transport: .udp,
                        local: localEndpoint,
                        remote: TraceEndpoint(
                            address: route.target.remote.ipText ?? "?",
                            port: UInt16(clamping: route.target.remote.port ?? 0)
                        ),
                        raw: Array(bytes.readableBytesView),
                        summary: summary ?? received.summary
                    )
                    blackHole(sent)
                }
                blackHole(received)
            }
            benchmark.stopMeasurement()
        }
    }
}
