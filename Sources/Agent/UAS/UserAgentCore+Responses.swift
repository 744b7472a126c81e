import NIOCore
import SDP
import SIPCore
import SIPTransport

extension UserAgentCore {
    /// A response to the context's request in the persona's shape: every Via (the first annotated with
    /// received/rport), From, To (with `toTag`, or a fresh tag when the To has none and the status is not 100),
    /// Call-ID, CSeq, the persona's product header, then `extra`.
    mutating func response(
        _ context: RequestContext,
        status: Int,
        reason: String? = nil,
        toTag: String? = nil,
        extra: [SIPMessageBuilder.Header] = [],
        body: ByteBuffer = ByteBuffer(),
        shape: Persona.MessageShape = .response
    ) -> SIPMessageBuilder {
        let request = context.request
        let persona = context.persona
        var headers: [SIPMessageBuilder.Header] = []
        headers.reserveCapacity(8 + extra.count)
        var firstVia = true
        let copiesRecordRoute =
            (101..<300).contains(status) && (request.method == .invite || request.method == .subscribe)
        let tag = context.toTag == nil && status != 100 ? (toTag ?? persona.makeTag(using: &self.rng)) : nil
        for field in request.headerFields {
            switch field.name {
            case .via:
                if firstVia, let annotated = context.firstVia {
                    headers.append(.init("Via", annotated))
                } else {
                    headers.append(.init("Via", request.value(of: field)))
                }
                firstVia = false
            case .from:
                headers.append(.init("From", request.value(of: field)))
            case .to:
                var value = request.value(of: field)
                if let tag { value += ";tag=\(tag)" }
                headers.append(.init("To", value))
            case .callID:
                headers.append(.init("Call-ID", request.value(of: field)))
            case .cseq:
                headers.append(.init("CSeq", request.value(of: field)))
            case .recordRoute where copiesRecordRoute:
                // §12.1.1: a dialog-creating response carries the request's Record-Route, in order.
                headers.append(.init("Record-Route", request.value(of: field)))
            default:
                continue
            }
        }
        if let product = persona.responseProduct { headers.append(product) }
        headers.append(contentsOf: extra)
        if body.readableBytes > 0 { headers.append(.init("Content-Type", "application/sdp")) }
        return persona.compose(
            .response(status: status, reason: reason ?? persona.reason(for: status)),
            headers: headers,
            body: body,
            shape: shape
        )
    }

    /// The Contact of the honeypot for a request that arrived at `arrival.local`.
    func contact(user: String?, arrival: SIPArrival) -> String {
        let host = arrival.local.ipText ?? "127.0.0.1"
        let hostText = host.contains(":") ? "[\(host)]" : host
        let port = arrival.local.port ?? arrival.transport.defaultPort
        let userPart = user.map { Self.safeUser($0) + "@" } ?? ""
        let transport = arrival.transport == .udp ? "" : ";transport=\(arrival.transport.rawValue)"
        let scheme = arrival.transport == .tls ? "sips" : "sip"
        return "<\(scheme):\(userPart)\(hostText):\(port)\(transport)>"
    }

    /// ``contact(user:arrival:)``, reusing the last one when the user, local address and transport are the same.
    mutating func cachedContact(user: String?, arrival: SIPArrival) -> String {
        if let last = self.lastContact, last.user == user, last.arrival.local == arrival.local,
            last.arrival.transport == arrival.transport
        {
            return last.value
        }
        let value = self.contact(user: user, arrival: arrival)
        self.lastContact = (user, arrival, value)
        return value
    }

    /// A user part echoed into our Contact, limited to unreserved characters and 64 bytes.
    static func safeUser(_ user: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(min(user.utf8.count, 64))
        for b in user.utf8.prefix(64) where Self.userAllowed[Int(b)] {
            bytes.append(b)
        }
        return bytes.count == user.utf8.count ? user : String(decoding: bytes, as: UTF8.self)
    }

    /// ASCII letters, digits and `-_.!~*'()&=+$,;?/%`: the user-part characters echoed into a Contact.
    private static let userAllowed: [Bool] = (0..<256).map { (value: Int) -> Bool in
        guard value < 128 else { return false }
        let c = UInt8(value)
        let letter = (c >= 0x61 && c <= 0x7A) || (c >= 0x41 && c <= 0x5A)
        let digit = c >= 0x30 && c <= 0x39
        return letter || digit || Array("-_.!~*'()&=+$,;?/%".utf8).contains(c)
    }

    /// The persona's answer to OPTIONS (RFC 3261 §11.2).
    mutating func optionsAnswer(_ context: RequestContext) -> SIPMessageBuilder {
        let persona = context.persona
        var extra: [SIPMessageBuilder.Header] = []
        extra.reserveCapacity(6 + persona.accept.count)
        extra.append(.init("Contact", self.cachedContact(user: context.uri?.user, arrival: context.arrival)))
        extra.append(.init("Allow", persona.allow))
        for value in persona.accept { extra.append(.init("Accept", value)) }
        if let supported = persona.supported { extra.append(.init("Supported", supported)) }
        if let events = persona.allowEvents { extra.append(.init("Allow-Events", events)) }
        if let encoding = persona.acceptEncoding { extra.append(.init("Accept-Encoding", encoding)) }
        if let language = persona.acceptLanguage { extra.append(.init("Accept-Language", language)) }
        var body = ByteBuffer()
        if persona.optionsCarriesSDP {
            let port = self.takeRTPPort()
            body = self.offer(
                persona: persona,
                user: context.uri?.user,
                arrival: context.arrival,
                port: port,
                sessionID: self.rng.next() >> 12,
                version: 0
            ).serializedBuffer()
        }
        return self.response(context, status: 200, extra: extra, body: body, shape: .optionsAnswer)
    }

    /// A device is not a registrar: 405 with Allow, or (personas that challenge) 401 and then 403 for every
    /// answer to the challenge.
    mutating func registerAnswer(_ context: RequestContext) -> SIPMessageBuilder {
        let persona = context.persona
        if let realm = self.configuration.registerChallenge() {
            // A profile's registrar: challenge, and refuse whatever credentials come back (they are traced).
            if !context.request.authorization.isEmpty { return self.response(context, status: 403) }
            let nonce = IdentifierFormat.hex(32).generate(using: &self.rng)
            let quoted = String(realm.filter { $0 != "\"" && $0 != "\\" && !$0.isNewline }.prefix(64))
            let challenge = "Digest realm=\"\(quoted)\",nonce=\"\(nonce)\",algorithm=MD5,qop=\"auth\""
            return self.response(context, status: 401, extra: [.init("WWW-Authenticate", challenge)])
        }
        guard persona.registerResponse == 401 else {
            return self.response(context, status: 405, extra: [.init("Allow", persona.allow)])
        }
        if !context.request.authorization.isEmpty {
            return self.response(context, status: 403)
        }
        let nonce = IdentifierFormat.hex(32).generate(using: &self.rng)
        let realm = persona.id.hasPrefix("asterisk") ? "asterisk" : (context.arrival.local.ipText ?? "honeyphone")
        let challenge = "Digest realm=\"\(realm)\",nonce=\"\(nonce)\",algorithm=MD5,qop=\"auth\""
        return self.response(context, status: 401, extra: [.init("WWW-Authenticate", challenge)])
    }

    /// An SDP offer of G.711 and telephone-event from the persona.
    func offer(
        persona: Persona,
        user: String?,
        arrival: SIPArrival,
        port: UInt16,
        sessionID: UInt64,
        version: UInt64
    ) -> SDPSessionDescription {
        let address = arrival.local.ipText ?? "127.0.0.1"
        return SDPSessionDescription.audioAnswer(
            origin: SDPOrigin(
                username: self.originUser(persona, user),
                sessionID: sessionID,
                sessionVersion: version,
                unicastAddress: address
            ),
            sessionName: persona.sdpSessionName,
            connectionAddress: address,
            port: port
        )
    }

    func originUser(_ persona: Persona, _ user: String?) -> String {
        guard persona.sdpOriginUser == "$user" else { return persona.sdpOriginUser }
        let safe = Self.safeUser(user ?? "").filter {
            $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" || $0 == "_"
        }
        return safe.isEmpty ? "-" : safe
    }

    /// The next even RTP port of the configured range.
    mutating func takeRTPPort() -> UInt16 {
        let port = self.nextRTPPort
        let next = port &+ 2
        self.nextRTPPort =
            next > self.configuration.rtpPorts.upperBound || next < port
            ? self.configuration.rtpPorts.lowerBound & ~1 : next
        return port
    }
}
