public import HTTPTypes
public import Hummingbird
import NIOCore

/// Response builders with the right content types.
public enum WebResponses {
    /// An HTML page.
    public static func html(_ status: HTTPResponse.Status = .ok, _ body: String) -> Response {
        Self.make(status, body, contentType: "text/html; charset=utf-8")
    }

    /// A JSON document.
    public static func json(_ status: HTTPResponse.Status = .ok, _ body: String) -> Response {
        Self.make(status, body, contentType: "application/json; charset=utf-8")
    }

    /// Plain text.
    public static func plain(_ status: HTTPResponse.Status = .ok, _ body: String) -> Response {
        Self.make(status, body, contentType: "text/plain; charset=utf-8")
    }

    /// A download of `bytes` named `fileName` (a name we made, never attacker text).
    public static func download(_ bytes: [UInt8], fileName: String, contentType: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = contentType
        headers[.contentDisposition] = "attachment; filename=\"\(fileName)\""
        headers[.contentLength] = "\(bytes.count)"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// A 303 to a local path (anything else becomes `/`).
    public static func redirect(to location: String) -> Response {
        var headers = HTTPFields()
        headers[.location] = Links.safeLocal(location)
        return Response(status: .seeOther, headers: headers)
    }

    static func make(_ status: HTTPResponse.Status, _ body: String, contentType: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = contentType
        let buffer = ByteBuffer(string: body)
        headers[.contentLength] = "\(buffer.readableBytes)"
        return Response(status: status, headers: headers, body: .init(byteBuffer: buffer))
    }
}

/// Local links: the only URLs the interface writes from data.
public enum Links {
    /// `path` when it is a local absolute path (starts with one `/`, no backslash, no control characters), else
    /// `/`. Keeps redirects and `next=` on this site.
    public static func safeLocal(_ path: String) -> String {
        guard path.hasPrefix("/"), !path.hasPrefix("//"), !path.contains("\\"), path.utf8.count <= 2_048,
            !path.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F })
        else { return "/" }
        return path
    }

    /// `path?name=value&…` with each value percent-encoded (empty values left out).
    public static func query(_ path: String, _ items: [(String, String?)]) -> String {
        let parts = items.compactMap { name, value -> String? in
            guard let value, !value.isEmpty else { return nil }
            return name + "=" + FormFields.percentEncoded(value)
        }
        return parts.isEmpty ? path : path + "?" + parts.joined(separator: "&")
    }
}

/// `application/x-www-form-urlencoded` fields (query strings and form bodies), bounded: at most
/// ``maximumFields`` fields, each value at most ``maximumValueBytes``; `+` is a space.
public struct FormFields: Sendable {
    public static let maximumFields = 64
    public static let maximumValueBytes = 262_144

    /// The fields in order (a repeated name keeps its first value in ``subscript(_:)``).
    public var fields: [(name: String, value: String)]

    /// Parses `text`.
    public init(_ text: String) {
        var fields: [(name: String, value: String)] = []
        for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
            guard fields.count < Self.maximumFields else { break }
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = Self.decoded(parts[0])
            let value = parts.count > 1 ? Self.decoded(parts[1]) : ""
            guard name.utf8.count <= 64, value.utf8.count <= Self.maximumValueBytes else { continue }
            fields.append((name, value))
        }
        self.fields = fields
    }

    /// The first value of `name`, `nil` when absent or empty.
    public subscript(_ name: String) -> String? {
        guard let value = self.fields.first(where: { $0.name == name })?.value, !value.isEmpty else { return nil }
        return value
    }

    /// Percent-decodes with `+` as space; invalid escapes stay as they are; invalid UTF-8 becomes U+FFFD.
    static func decoded(_ text: Substring) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var iterator = Array(text.utf8)[...]
        while let byte = iterator.popFirst() {
            if byte == UInt8(ascii: "+") {
                bytes.append(UInt8(ascii: " "))
            } else if byte == UInt8(ascii: "%"), iterator.count >= 2,
                let high = Self.hex(iterator[iterator.startIndex]),
                let low = Self.hex(iterator[iterator.startIndex + 1])
            {
                bytes.append(high << 4 | low)
                iterator = iterator.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Percent-encodes everything but unreserved characters (RFC 3986 §2.3).
    public static func percentEncoded(_ text: String) -> String {
        var result = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let digits = Array("0123456789ABCDEF")
                result += "%" + String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 0xF)])
            }
        }
        return result
    }

    static func hex(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}

extension Request {
    /// The query string's fields.
    var queryFields: FormFields { FormFields(self.uri.query ?? "") }

    /// The body's form fields (at most the context's upload size).
    mutating func formFields(context: WebRequestContext) async throws -> FormFields {
        let buffer = try await self.collectBody(upTo: context.maxUploadSize)
        return FormFields(String(decoding: buffer.readableBytesView, as: UTF8.self))
    }
}
