public import NIOCore
public import SIPCore

extension Persona {
    /// Which of the persona's orders a message follows.
    public enum MessageShape: Sendable, Hashable {
        /// A response (1xx–6xx) other than the OPTIONS answer.
        case response
        /// The 200 answer to OPTIONS.
        case optionsAnswer
        /// A request the persona sends.
        case request
    }

    /// A message with `headers` ordered and spelled as the persona's order for `shape` says: names in the order
    /// list come in its order and spelling (every header of that name); the rest follow in the order given,
    /// before Content-Length when the order places it (else Content-Length is last), except an unplaced
    /// Record-Route, which goes right after the Vias.
    public func compose(
        _ startLine: SIPMessageBuilder.StartLine,
        headers: [SIPMessageBuilder.Header],
        body: ByteBuffer = ByteBuffer(),
        shape: MessageShape
    ) -> SIPMessageBuilder {
        let (order, index): ([String], OrderKeys) =
            switch shape {
            case .response: (self.responseOrder, self.responseKeys)
            case .optionsAnswer: (self.optionsOrder, self.optionsKeys)
            case .request: (self.requestOrder, self.requestKeys)
            }
        // Each header's position in the order, or `unlisted` (`unlistedRecordRoute`): one name lookup per header,
        // then integer compares (this runs for every response a flood gets).
        let unlisted = -1
        let unlistedRecordRoute = -2
        let positions = index.positions
        // Record-Route that the order does not place goes right after the Vias, as SIP stacks write it.
        let placeRecordRouteAfterVia = positions["record-route"] == nil
        var result: [SIPMessageBuilder.Header] = []
        result.reserveCapacity(headers.count + 1)
        var lengthPlaced = false
        withUnsafeTemporaryAllocation(of: Int.self, capacity: headers.count) { slots in
            for i in headers.indices {
                let key = Self.canonicalLowercased(headers[i].name)
                slots[i] = positions[key] ?? (key == "record-route" ? unlistedRecordRoute : unlisted)
            }
            // A slot is set to `placed` once its header is in `result`.
            let placed = Int.min
            for (position, lower) in index.keys.enumerated() {
                guard positions[lower] == position else { continue }
                let name = order[position]
                if lower == "content-length" {
                    for i in headers.indices where slots[i] < 0 && slots[i] != placed {
                        slots[i] = placed
                        result.append(headers[i])
                    }
                    result.append(.init(name, ""))
                    lengthPlaced = true
                    continue
                }
                for i in headers.indices where slots[i] == position {
                    slots[i] = placed
                    result.append(.init(name, headers[i].value))
                }
                if lower == "via" && placeRecordRouteAfterVia {
                    for i in headers.indices where slots[i] == unlistedRecordRoute {
                        slots[i] = placed
                        result.append(headers[i])
                    }
                }
            }
            for i in headers.indices where slots[i] != placed {
                result.append(headers[i])
            }
        }
        if !lengthPlaced {
            result.append(.init("Content-Length", ""))
        }
        var builder = SIPMessageBuilder(startLine, headers: result, body: body)
        builder.contentLengthSpacing = self.contentLength == .pjsip ? 2 : 1
        return builder
    }

    /// The lowercased long form of a header name (RFC 3261 §7.3.3 and later compact forms: `v` → `via`).
    static func canonicalLowercased(_ name: String) -> String {
        // The spellings the UA core writes, without lower-casing them.
        switch name {
        case "Via": return "via"
        case "From": return "from"
        case "To": return "to"
        case "Call-ID": return "call-id"
        case "CSeq": return "cseq"
        case "Contact": return "contact"
        case "Allow": return "allow"
        case "Accept": return "accept"
        case "Supported": return "supported"
        case "Server": return "server"
        case "User-Agent": return "user-agent"
        case "Content-Type": return "content-type"
        case "Content-Length": return "content-length"
        default: break
        }
        let lower = name.utf8.contains(where: { (65...90).contains($0) }) ? name.lowercased() : name
        switch lower {
        case "v": return "via"
        case "i": return "call-id"
        case "f": return "from"
        case "t": return "to"
        case "m": return "contact"
        case "l": return "content-length"
        case "c": return "content-type"
        case "e": return "content-encoding"
        case "k": return "supported"
        case "s": return "subject"
        case "o": return "event"
        case "u": return "allow-events"
        case "r": return "refer-to"
        case "b": return "referred-by"
        case "x": return "session-expires"
        default: return lower
        }
    }

    /// The product header of a response from this persona, if it sends one.
    public var responseProduct: SIPMessageBuilder.Header? {
        switch self.responseProductHeader {
        case .server: .init("Server", self.server)
        case .userAgent: .init("User-Agent", self.userAgent)
        case .none: nil
        }
    }

    /// A fresh tag.
    public func makeTag(using rng: inout some RandomNumberGenerator) -> String {
        self.tagFormat.generate(using: &rng)
    }

    /// A fresh RFC 3261 branch (`z9hG4bK` + prefix + random part).
    public func makeBranch(using rng: inout some RandomNumberGenerator) -> String {
        "z9hG4bK" + self.branchPrefix + self.branchFormat.generate(using: &rng)
    }

    /// A fresh Call-ID, with `@host` when the persona writes one.
    public func makeCallID(host: String, using rng: inout some RandomNumberGenerator) -> String {
        let random = self.callIDFormat.generate(using: &rng)
        return self.callIDWithHost ? "\(random)@\(host)" : random
    }
}
