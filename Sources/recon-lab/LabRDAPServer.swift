import NIOCore
import NIOHTTP1
import NIOPosix
import Synchronization

/// A bounded RDAP server (RFC 9082/9083 over HTTP/1.1) answering from a ``LabWHOISDatabase``: `/ip/A`,
/// `/autnum/N`, `/domain/NAME` give an RDAP object built from the WHOIS object's `netname`, `org-name`,
/// `country` and range; anything else is 404. With a redirect base it is a bootstrap server instead: every
/// request gets `302 Found` to the same path under that base.
final class LabRDAPServer: Sendable {
    let channel: any Channel
    let connections: LabWHOISServer.Counter

    private init(channel: any Channel, connections: LabWHOISServer.Counter) {
        self.channel = channel
        self.connections = connections
    }

    static func start(
        host: String,
        port: Int,
        database: LabWHOISDatabase,
        redirect: String?
    ) async throws
        -> LabRDAPServer
    {
        let counter = LabWHOISServer.Counter()
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                counter.value.add(1, ordering: .relaxed)
                return channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    try channel.pipeline.syncOperations.addHandler(Handler(database: database, redirect: redirect))
                }
            }
            .bind(host: host, port: port).get()
        return LabRDAPServer(channel: channel, connections: counter)
    }

    /// Serves until `limit` has passed or `maximumConnections` were accepted, then closes.
    func run(forAtMost limit: Duration, maximumConnections: Int) async {
        let clock = ContinuousClock()
        let end = clock.now.advanced(by: limit)
        while clock.now < end {
            try? await Task.sleep(for: .milliseconds(200))
            if self.connections.value.load(ordering: .relaxed) >= maximumConnections { break }
        }
        try? await self.channel.close()
    }

    /// The RDAP object for a path, or `nil` (404).
    static func object(for path: String, in database: LabWHOISDatabase) -> String? {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true)
        guard parts.count == 2 else { return nil }
        let kind = parts[0].lowercased()
        let key = String(parts[1])
        let text: String
        switch kind {
        case "ip":
            text = database.answer(key)
        case "autnum":
            text = database.answer("AS" + key)
        case "domain":
            text = database.answer(key)
        default:
            return nil
        }
        guard !text.hasPrefix("%ERROR") else { return nil }
        var fields: [String: String] = [:]
        for line in text.split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].lowercased()
            if fields[name] == nil { fields[name] = line[line.index(after: colon)...].trimmingSpaces() }
        }
        var members: [String] = []
        switch kind {
        case "ip":
            members.append("\"objectClassName\":\"ip network\"")
            let ends = (fields["inetnum"] ?? "").split(separator: "-").map { $0.trimmingSpaces() }
            if ends.count == 2 {
                members.append("\"startAddress\":" + json(ends[0]) + ",\"endAddress\":" + json(ends[1]))
            }
            members.append("\"ipVersion\":\"v4\"")
        case "autnum":
            members.append("\"objectClassName\":\"autnum\",\"startAutnum\":\(UInt32(key) ?? 0)")
        default:
            members.append("\"objectClassName\":\"domain\",\"ldhName\":" + json(key))
        }
        members.append("\"handle\":" + json((fields["netname"] ?? fields["as-name"] ?? key).uppercased()))
        if let name = fields["netname"] ?? fields["as-name"] { members.append("\"name\":" + json(name)) }
        if let country = fields["country"] { members.append("\"country\":" + json(country)) }
        if let organisation = fields["org-name"] {
            members.append(
                "\"entities\":[{\"objectClassName\":\"entity\",\"roles\":[\"registrant\"],\"vcardArray\":[\"vcard\","
                    + "[[\"version\",{},\"text\",\"4.0\"],[\"fn\",{},\"text\"," + json(organisation) + "]]]}]"
            )
        }
        return "{\"rdapConformance\":[\"rdap_level_0\"]," + members.joined(separator: ",") + "}"
    }

    static func json(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case _ where scalar.value < 0x20:
                result += "\\u00" + (scalar.value < 0x10 ? "0" : "") + String(scalar.value, radix: 16)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    final class Handler: ChannelInboundHandler {
        typealias InboundIn = HTTPServerRequestPart
        typealias OutboundOut = HTTPServerResponsePart
        let database: LabWHOISDatabase
        let redirect: String?
        var uri = ""

        init(database: LabWHOISDatabase, redirect: String?) {
            self.database = database
            self.redirect = redirect
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            switch Self.unwrapInboundIn(data) {
            case .head(let head):
                self.uri = String(head.uri.prefix(512))
            case .body:
                break
            case .end:
                var headers = HTTPHeaders()
                let status: HTTPResponseStatus
                var body = ""
                if let redirect = self.redirect {
                    status = .found
                    headers.add(name: "Location", value: redirect + self.uri)
                } else if let object = LabRDAPServer.object(for: self.uri, in: self.database) {
                    status = .ok
                    body = object
                    headers.add(name: "Content-Type", value: "application/rdap+json")
                } else {
                    status = .notFound
                    body = "{\"errorCode\":404,\"title\":\"Not Found\"}"
                    headers.add(name: "Content-Type", value: "application/rdap+json")
                }
                headers.add(name: "Content-Length", value: "\(body.utf8.count)")
                headers.add(name: "Connection", value: "close")
                let head = HTTPResponseHead(version: .http1_1, status: status, headers: headers)
                context.write(Self.wrapOutboundOut(.head(head)), promise: nil)
                context.write(
                    Self.wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(string: body)))),
                    promise: nil
                )
                context.writeAndFlush(Self.wrapOutboundOut(.end(nil))).whenComplete { _ in
                    context.close(promise: nil)
                }
            }
        }
    }
}
