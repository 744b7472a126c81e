/// An ordered list of `name[=value]` parameters (URI parameters, header parameters, auth-params).
///
/// Names compare case-insensitively (RFC 3261 §7.3.1, §19.1.4); order and spelling are kept as sent.
public struct SIPParameters: Sendable, Hashable, RandomAccessCollection, ExpressibleByArrayLiteral {
    /// One parameter: its name as sent and its value (`nil` for a flag parameter such as `lr` or `rport`).
    public struct Parameter: Sendable, Hashable {
        public var name: String
        public var value: String?
        public init(name: String, value: String? = nil) {
            self.name = name
            self.value = value
        }
    }

    public var elements: [Parameter]

    public init(_ elements: [Parameter] = []) { self.elements = elements }
    public init(arrayLiteral elements: Parameter...) { self.elements = elements }

    public var startIndex: Int { self.elements.startIndex }
    public var endIndex: Int { self.elements.endIndex }
    public subscript(position: Int) -> Parameter { self.elements[position] }

    /// Whether a parameter with this name (any case) is present.
    public func contains(_ name: String) -> Bool { self.first(named: name) != nil }

    /// The first parameter with this name (any case).
    public func first(named name: String) -> Parameter? {
        let lower = name.lowercased()
        return self.elements.first { $0.name.lowercased() == lower }
    }

    /// The value of the first parameter with this name (`nil` when absent or valueless).
    public subscript(name: String) -> String? { self.first(named: name)?.value }

    /// Appends a parameter.
    public mutating func append(_ name: String, _ value: String? = nil) {
        self.elements.append(Parameter(name: name, value: value))
    }
}

extension SIPParameters {
    /// Decodes `;`-separated header parameters from the message (values unquoted and unescaped).
    static func header(_ p: UnsafeRawBufferPointer, _ range: Range<Int>, limits: SIPParserLimits) -> SIPParameters {
        var result = SIPParameters()
        var sink = AnomalySink(limit: 0)
        _ = HeaderParameters.scan(
            p,
            from: range.lowerBound,
            to: range.upperBound,
            stopAtComma: false,
            header: .other,
            limits: limits,
            &sink
        ) { name, value, _ in
            result.append(Scan.string(p, name), value.map { Scan.unquotedString(p, $0) })
        }
        return result
    }

    /// Decodes `sep`-separated URI parameters or headers (`;` or `&`), %-decoding names and values.
    static func uri(_ p: UnsafeRawBufferPointer, _ range: Range<Int>, separator: UInt8, limit: Int) -> SIPParameters {
        var result = SIPParameters()
        var i = range.lowerBound
        while i < range.upperBound, result.count < limit {
            let next = Scan.find(p, separator, i, range.upperBound)
            let eq = Scan.find(p, .equals, i, next)
            if next > i {
                result.append(Scan.percentDecoded(p, i..<eq), eq < next ? Scan.percentDecoded(p, (eq + 1)..<next) : nil)
            }
            i = next + 1
        }
        return result
    }
}

extension Scan {
    /// `%HH` escapes decoded (invalid escapes are kept as they are), as a `String`.
    static func percentDecoded(_ p: UnsafeRawBufferPointer, _ range: Range<Int>) -> String {
        if Scan.find(p, .percent, range.lowerBound, range.upperBound) == range.upperBound {
            return Scan.string(p, range)
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(range.count)
        var i = range.lowerBound
        while i < range.upperBound {
            if p[i] == .percent, i + 2 < range.upperBound, let h = p[i + 1].hexValue, let l = p[i + 2].hexValue {
                bytes.append(h << 4 | l)
                i += 3
            } else {
                bytes.append(p[i])
                i += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A quoted string's content with `\`-escapes resolved; an unquoted value as it is.
    static func unquotedString(_ p: UnsafeRawBufferPointer, _ range: Range<Int>) -> String {
        guard range.count >= 2, p[range.lowerBound] == .dquote, p[range.upperBound - 1] == .dquote else {
            return Scan.string(p, range)
        }
        let inner = (range.lowerBound + 1)..<(range.upperBound - 1)
        if Scan.find(p, .backslash, inner.lowerBound, inner.upperBound) == inner.upperBound {
            return Scan.string(p, inner)
        }
        var bytes: [UInt8] = []
        var i = inner.lowerBound
        while i < inner.upperBound {
            if p[i] == .backslash, i + 1 < inner.upperBound { i += 1 }
            bytes.append(p[i])
            i += 1
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
