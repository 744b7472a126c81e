/// The bytes of a profile with a table of line starts, to turn byte offsets into ``SourcePosition``s and to
/// cut evidence for errors.
struct SourceText: Sendable {
    /// The profile's bytes.
    let bytes: [UInt8]
    /// The file name given by the caller, for errors.
    let fileName: String?
    /// The offset of the first byte of each line.
    private let lineStarts: [Int]

    /// Indexes `bytes`.
    init(bytes: [UInt8], fileName: String?) {
        self.bytes = bytes
        self.fileName = fileName
        var starts = [0]
        for (offset, byte) in bytes.enumerated() where byte == ASCII.lineFeed {
            starts.append(offset + 1)
        }
        self.lineStarts = starts
    }

    /// The line and column of a byte offset (an offset past the end is the end).
    func position(of offset: Int) -> SourcePosition {
        let offset = min(max(0, offset), self.bytes.count)
        var low = 0
        var high = self.lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if self.lineStarts[middle] <= offset {
                low = middle
            } else {
                high = middle - 1
            }
        }
        return SourcePosition(line: low + 1, column: offset - self.lineStarts[low] + 1)
    }

    /// Up to ``BehaviourError/maximumOffendingTextLength`` bytes from `offset` to the end of the line, printable.
    func evidence(at offset: Int) -> String {
        guard offset >= 0 && offset < self.bytes.count else { return "" }
        var text = ""
        var index = offset
        while index < self.bytes.count && index - offset < BehaviourError.maximumOffendingTextLength {
            let byte = self.bytes[index]
            if byte == ASCII.lineFeed || byte == ASCII.carriageReturn { break }
            if byte >= 0x20 && byte < 0x7F {
                text.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                text += "\\x" + Self.hex(byte)
            }
            index += 1
        }
        return text
    }

    /// An error at `offset` (a cold path).
    @inline(never)
    func error(_ code: BehaviourError.Code, _ message: String, at offset: Int) -> BehaviourError {
        BehaviourError(
            code: code,
            message: message,
            position: self.position(of: offset),
            fileName: self.fileName,
            offendingText: self.evidence(at: offset)
        )
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits: [Character] = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "A", "B", "C", "D", "E", "F"]
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
    }
}
