import NIOCore
import Reporting
import SDP
package import SIPCore

/// The JSON report `honeyphone parse` prints for one input (the schema is in the README).
/// See the README for the schema.
package enum ParseReport {
    /// The report of a message that parsed.
    package static func success(file: String, message: SIPMessage) -> String {
        var w = JSONWriter()
        w.beginObject()
        w.field("file", file)
        w.field("ok", true)
        w.field("kind", message.isRequest ? "request" : "response")
        w.field("method", message.method?.rawValue)
        w.field("requestURI", message.requestURIText)
        w.field("status", message.statusCode)
        w.field("reason", message.reasonPhrase)
        w.field("callID", message.callID)
        w.key("cseq")
        if let cseq = message.cseq {
            w.beginObject()
            w.key("seq")
            w.int(Int(cseq.sequence))
            w.field("method", cseq.method.rawValue)
            w.endObject()
        } else {
            w.null()
        }
        w.key("from")
        Self.address(message.from, into: &w)
        w.key("to")
        Self.address(message.to, into: &w)
        w.key("via")
        w.beginArray()
        for via in message.vias {
            w.beginObject()
            w.field("transport", via.transport)
            w.field("host", via.host.text)
            w.field("port", via.port)
            w.field("branch", via.branch)
            w.field("received", via.received)
            w.key("rport")
            switch via.rport {
            case .absent: w.null()
            case .requested: w.bool(true)
            case .value(let v): w.int(v)
            }
            w.field("maddr", via.maddr)
            w.field("ttl", via.ttl)
            w.endObject()
        }
        w.endArray()
        w.key("contact")
        w.beginArray()
        if message.isContactWildcard { w.string("*") }
        for contact in message.contacts { Self.address(contact, into: &w) }
        w.endArray()
        w.field("userAgent", message.userAgent ?? message.server)
        w.key("headers")
        w.beginArray()
        for field in message.headerFields {
            w.beginArray()
            w.string(message.name(of: field))
            w.string(message.value(of: field))
            w.endArray()
        }
        w.endArray()
        w.key("body")
        w.beginObject()
        w.field("contentType", message.contentType?.description)
        w.field("length", message.bodyRange.count)
        w.field("trailingBytes", message.trailingRange.count)
        w.endObject()
        w.key("sdp")
        Self.sdp(message, into: &w)
        w.key("anomalies")
        w.beginArray()
        for a in message.anomalies {
            w.beginObject()
            w.field("code", a.code.rawValue)
            w.field("severity", a.severity.rawValue)
            w.field("detail", a.detail)
            w.field("offset", a.offset)
            w.endObject()
        }
        w.endArray()
        w.field("droppedAnomalies", message.droppedAnomalyCount)
        w.endObject()
        return w.output
    }

    /// The report of an input that could not be structured.
    package static func failure(file: String, code: String, message: String, offset: Int?) -> String {
        var w = JSONWriter()
        w.beginObject()
        w.field("file", file)
        w.field("ok", false)
        w.key("error")
        w.beginObject()
        w.field("code", code)
        w.field("message", message)
        w.field("offset", offset)
        w.endObject()
        w.endObject()
        return w.output
    }

    private static func address(_ a: SIPNameAddress?, into w: inout JSONWriter) {
        guard let a else {
            w.null()
            return
        }
        w.beginObject()
        w.field("displayName", a.displayName)
        w.field("uri", a.uriText)
        w.field("user", a.uri?.user)
        w.field("host", a.uri?.host?.text)
        w.field("port", a.uri?.port)
        w.field("tag", a.tag)
        w.key("params")
        w.beginObject()
        for p in a.parameters { w.field(p.name, p.value) }
        w.endObject()
        w.endObject()
    }

    /// The SDP body, when the Content-Type is application/sdp (or absent with a body starting `v=`).
    private static func sdp(_ message: SIPMessage, into w: inout JSONWriter) {
        let body = message.body
        let declared = message.contentType
        let looksLikeSDP = body.readableBytes >= 2 && body.getInteger(at: body.readerIndex, as: UInt16.self) == 0x763D
        guard body.readableBytes > 0, declared?.isSDP ?? looksLikeSDP else {
            w.null()
            return
        }
        let sdp: SDPSessionDescription
        do {
            sdp = try SDPParser.parse(body)
        } catch {
            w.beginObject()
            w.key("error")
            w.beginObject()
            w.field("code", error.code.description)
            w.field("message", error.message)
            w.field("offset", error.offset)
            w.endObject()
            w.endObject()
            return
        }
        w.beginObject()
        w.field("version", sdp.version)
        w.key("origin")
        if let o = sdp.origin {
            w.beginObject()
            w.field("username", o.username)
            w.field("sessionID", o.sessionID)
            w.field("sessionVersion", o.sessionVersion)
            w.field("addressType", o.addressType)
            w.field("address", o.unicastAddress)
            w.endObject()
        } else {
            w.null()
        }
        w.field("sessionName", sdp.sessionName)
        w.field("connection", sdp.connection?.address)
        w.key("media")
        w.beginArray()
        for m in sdp.media {
            w.beginObject()
            w.field("media", m.media)
            w.field("port", Int(m.port))
            w.field("proto", m.proto)
            w.key("formats")
            w.beginArray()
            for f in m.formats { w.string(f) }
            w.endArray()
            w.field("connection", m.connections.first?.address ?? sdp.connection?.address)
            w.field("direction", m.direction?.rawValue)
            w.key("rtpmap")
            w.beginArray()
            for r in m.rtpMaps { w.string("\(r.payloadType) \(r.encodingName)/\(r.clockRate)") }
            w.endArray()
            w.endObject()
        }
        w.endArray()
        w.key("anomalies")
        w.beginArray()
        for a in sdp.anomalies {
            w.beginObject()
            w.field("code", a.code.description)
            w.field("severity", a.severity.rawValue)
            w.field("detail", a.detail)
            w.field("offset", a.offset)
            w.endObject()
        }
        w.endArray()
        w.endObject()
    }
}
