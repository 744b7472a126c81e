import NIOCore

// The state of one parse and its line loop.
//
// The body is cut into lines at LF (a CR before the LF belongs to the line ending). Each line is recorded in
// `lines`, checked for generic faults (blank, control bytes, not `<letter>=`, too long), then handed to the
// handler for its type in `SDPParserContext+SessionLines.swift`, `+Media.swift` or `+Attributes.swift`. Where a
// line belongs (the session, the current media section, or nowhere) and whether it is in the order of
// RFC 8866 §5 is decided by `place(_:)`. Every loop is bounded by the body size and by `SDPLimits`.

/// One parse of one body: the description being built, the anomalies found, and where in RFC 8866 §5's
/// order of lines the parse is.
struct SDPParserContext {
    /// A run of body bytes; its indices are byte offsets within the body.
    typealias Bytes = Slice<UnsafeRawBufferPointer>

    /// Where a line's content goes.
    enum Target: Hashable {
        /// To the session level.
        case session
        /// To the media section at this index of `description.media`.
        case media(Int)
        /// Nowhere: it is misplaced or belongs to a skipped section (it stays in `lines`).
        case ignored
    }

    /// The part of the body the parse is in.
    enum Section: Hashable {
        /// Before the first `m=` line.
        case session
        /// In the media section at this index of `description.media`.
        case media(Int)
        /// In a media section that is not modelled (over the limit, or an unusable `m=` line).
        case skippedMedia
    }

    /// What has been seen in one section (the session, or the current media section).
    struct SectionState {
        /// The RFC 8866 §5 rank of the last line that was in order.
        var rank = -1
        /// The number of `a=` lines kept.
        var attributeCount = 0
        /// Whether ``SDPAnomaly/Code/tooManyAttributes`` was recorded for this section.
        var attributeLimitReported = false
        /// The first direction attribute.
        var direction: SDPDirection? = nil
        /// The allowed-once line types seen: bit `n` is the letter `a` + `n`.
        var seenOnce: UInt32 = 0

        /// Marks the line type `type` (a lowercase letter) as seen; returns whether it was not seen before.
        mutating func markSeen(_ type: UInt8) -> Bool {
            let bit = UInt32(1) << UInt32((type &- UInt8(ascii: "a")) & 31)
            defer { self.seenOnce |= bit }
            return self.seenOnce & bit == 0
        }

        /// Whether the line type `type` (a lowercase letter) was seen.
        func hasSeen(_ type: UInt8) -> Bool {
            self.seenOnce & (UInt32(1) << UInt32((type &- UInt8(ascii: "a")) & 31)) != 0
        }
    }

    /// The body being parsed.
    let body: UnsafeRawBufferPointer
    /// The buffer that holds `body`, for slicing the lines without a copy.
    let buffer: ByteBuffer
    /// The bounds in force.
    let limits: SDPLimits

    /// The description built so far.
    var description = SDPSessionDescription(version: nil, sessionName: nil, timings: [])
    /// The anomalies found so far.
    var log: SDPAnomalyLog
    /// The part of the body the parse is in.
    var section = Section.session
    /// What has been seen at the session level.
    var sessionState = SectionState()
    /// What has been seen in the current media section.
    var mediaState = SectionState()
    /// The offset of each modelled `m=` line, by media index.
    var mediaOffsets: [Int] = []
    /// The offset of the first `m=` line, where the session level ended.
    var sessionEnd: Int? = nil
    /// Whether ``SDPAnomaly/Code/tooManyMedia`` was recorded.
    var mediaLimitReported = false
    /// Whether a `t=` line was seen, well-formed or not.
    var sawTiming = false
    /// Whether the last `t=` line was well-formed, so that `r=` and `z=` lines can attach to it.
    var timingOpen = false
    /// The number of lines examined.
    var lineCount = 0
    /// The number of lines ended by LF alone, and where the first one starts.
    var bareLF: (count: Int, firstOffset: Int) = (0, 0)
    /// The start of the line being handled.
    var lineStart = 0
    /// The start of the last line for which ``SDPAnomaly/Code/invalidUTF8`` was recorded.
    var utf8ReportedLine = -1

    /// Creates the context for one parse of `body`, which `buffer`'s readable bytes hold.
    init(body: UnsafeRawBufferPointer, buffer: ByteBuffer, limits: SDPLimits) {
        self.body = body
        self.buffer = buffer
        self.limits = limits
        self.log = SDPAnomalyLog(limit: limits.maximumAnomalies)
        self.description.lines.reserveCapacity(min(32, max(0, limits.maximumLineCount)))
    }

    /// Parses the whole body.
    mutating func run() -> Result<SDPSessionDescription, SDPParseError> {
        var position = 0
        var sawContent = false
        while position < self.body.count {
            let rest = self.body[position...]
            let contentEnd: Int
            let next: Int
            let ending: SDPLine.Ending
            if let lf = rest.firstIndex(of: ASCII.lf) {
                next = lf + 1
                if lf > position && self.body[lf - 1] == ASCII.cr {
                    (contentEnd, ending) = (lf - 1, .crlf)
                } else {
                    (contentEnd, ending) = (lf, .lf)
                }
            } else {
                (contentEnd, next, ending) = (self.body.count, self.body.count, .none)
            }
            let content = self.body[position..<contentEnd]
            if !sawContent && !content.allSatisfy(ASCII.isWhitespace) {
                guard Self.typePrefix(of: content) != nil else {
                    return .failure(.notSDP(offset: position, bytes: content))
                }
                sawContent = true
            }
            guard self.handleLine(content, ending: ending) else {
                break
            }
            position = next
        }
        guard sawContent else {
            return .failure(.empty())
        }
        self.finish()
        return .success(self.description)
    }

    /// Handles one line; returns `false` when the line limit stops the parse.
    private mutating func handleLine(_ content: Bytes, ending: SDPLine.Ending) -> Bool {
        let start = content.startIndex
        self.lineStart = start
        self.lineCount += 1
        guard self.lineCount <= max(0, self.limits.maximumLineCount) else {
            self.log.record(
                .tooManyLines,
                at: start,
                "more than \(self.limits.maximumLineCount) lines; the rest is skipped"
            )
            return false
        }
        switch ending {
        case .crlf:
            break
        case .lf:
            if self.bareLF.count == 0 {
                self.bareLF.firstOffset = start
            }
            self.bareLF.count += 1
        case .none:
            self.log.record(.unterminatedLine, at: content.endIndex, "the last line has no line ending")
        }
        if content.allSatisfy(ASCII.isWhitespace) {
            self.log.record(.emptyLine, at: start, "a blank line")
            self.appendLine(type: nil, value: content, ending: ending)
            return true
        }
        if let control = content.firstIndex(where: ASCII.isControl) {
            self.log.record(.invalidCharacter, at: control, Self.describeControl(self.body[control]))
        }
        guard let prefix = Self.typePrefix(of: content) else {
            self.log.record(.malformedLine, at: start, "the line is not of the form <type>=<value>")
            self.appendLine(type: nil, value: content, ending: ending)
            return true
        }
        if let irregular = prefix.irregularWhitespace {
            self.log.record(.excessWhitespace, at: irregular, "whitespace before the type letter or around '='")
        }
        let value = self.body[prefix.valueStart..<content.endIndex]
        self.appendLine(type: prefix.type, value: value, ending: ending)
        guard content.count <= max(0, self.limits.maximumLineLength) else {
            self.log.record(
                .oversizeField,
                at: start,
                "a line of \(content.count) bytes, more than the limit of \(self.limits.maximumLineLength)"
            )
            return true
        }
        self.dispatch(type: prefix.type, value: value)
        return true
    }

    /// Hands a line to the handler for its type.
    private mutating func dispatch(type: UInt8, value: Bytes) {
        switch type {
        case SDPLineType.version: self.handleVersion(value)
        case SDPLineType.origin: self.handleOrigin(value)
        case SDPLineType.sessionName: self.handleSessionName(value)
        case SDPLineType.information: self.handleInformation(value)
        case SDPLineType.uri: self.handleURI(value)
        case SDPLineType.email, SDPLineType.phone: self.handleContact(type: type, value: value)
        case SDPLineType.connection: self.handleConnection(value)
        case SDPLineType.bandwidth: self.handleBandwidth(value)
        case SDPLineType.timing: self.handleTiming(value)
        case SDPLineType.repeatTimes: self.handleRepeat(value)
        case SDPLineType.zoneAdjustments: self.handleZone(value)
        case SDPLineType.key: self.handleKey(value)
        case SDPLineType.attribute: self.handleAttribute(value)
        case SDPLineType.media: self.handleMedia(value)
        default:
            self.log.record(.unknownLineType, at: self.lineStart, "RFC 8866 defines no line of this type")
        }
    }

    /// Records the anomalies that only the whole body shows, and stores the sorted anomalies.
    private mutating func finish() {
        let sessionEnd = self.sessionEnd ?? self.body.count
        if !self.sessionState.hasSeen(SDPLineType.version) {
            self.log.record(.missingVersion, at: 0, "no v= line")
        }
        if !self.sessionState.hasSeen(SDPLineType.origin) {
            self.log.record(.missingOrigin, at: sessionEnd, "no o= line")
        }
        if !self.sessionState.hasSeen(SDPLineType.sessionName) {
            self.log.record(.missingSessionName, at: sessionEnd, "no s= line")
        }
        if !self.sawTiming {
            self.log.record(.missingTiming, at: sessionEnd, "no t= line")
        }
        if self.bareLF.count > 0 {
            self.log.record(
                .bareLF,
                at: self.bareLF.firstOffset,
                "\(self.bareLF.count) of \(self.lineCount) lines end in LF alone instead of CRLF"
            )
        }
        if self.description.connection == nil {
            for (index, media) in self.description.media.enumerated() where media.connections.isEmpty {
                self.log.record(.missingConnection, at: self.mediaOffsets[index], "no c= in the section or the session")
            }
        }
        self.description.anomalies = self.log.sortedByOffset()
    }
}
