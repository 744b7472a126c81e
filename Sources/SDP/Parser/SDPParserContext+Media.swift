// The handler of `m=` lines (RFC 8866 §5.14), which open media sections.

extension SDPParserContext {
    /// `m=<media> <port>[/<number of ports>] <proto> <fmt> ...` (§5.14).
    ///
    /// A section over ``SDPLimits/maximumMediaSections``, or whose `m=` line lacks a port or protocol, is skipped
    /// with its lines (they stay in the evidence). A section without formats is kept, with its anomaly.
    mutating func handleMedia(_ value: Bytes) {
        self.sessionEnd = self.sessionEnd ?? self.lineStart
        self.mediaState = SectionState()
        self.mediaState.rank = 0
        guard self.description.media.count < max(0, self.limits.maximumMediaSections) else {
            if !self.mediaLimitReported {
                self.mediaLimitReported = true
                self.log.record(
                    .tooManyMedia,
                    at: self.lineStart,
                    "more than \(self.limits.maximumMediaSections) media sections; the rest are skipped"
                )
            }
            self.section = .skippedMedia
            return
        }
        // Clamped so that adding the three leading fields cannot overflow.
        let maximumFormats = min(max(0, self.limits.maximumFormatsPerMedia), Int.max - 3)
        let split = self.fields(value, maximum: 3 + maximumFormats)
        guard split.fields.count >= 3 else {
            self.log.record(.badMedia, at: value.startIndex, "m= needs <media> <port> <proto> <fmt>...")
            self.section = .skippedMedia
            return
        }
        let fields = split.fields
        let (portField, countField) = fields[1].sdpSplitOnce(at: ASCII.slash)
        guard let port = portField.sdpDecimal(maximum: UInt64(UInt16.max)) else {
            self.log.record(.badPort, at: fields[1].startIndex, "the port is not a number in 0…65535")
            self.section = .skippedMedia
            return
        }
        var portCount: UInt16? = nil
        if let countField {
            guard let count = countField.sdpDecimal(maximum: UInt64(UInt16.max)), count > 0 else {
                self.log.record(.badPort, at: countField.startIndex, "the port count is not a number in 1…65535")
                self.section = .skippedMedia
                return
            }
            portCount = UInt16(count)
        }
        if !fields[0].sdpIsToken {
            self.log.record(.badMedia, at: fields[0].startIndex, "the media type is not a token")
        }
        let formatFields = fields[3...]
        if formatFields.isEmpty {
            self.log.record(.badMedia, at: value.endIndex, "m= lists no formats")
        }
        if split.truncated {
            self.log.record(
                .tooManyFormats,
                at: value.startIndex,
                "more than \(maximumFormats) formats; the rest are dropped"
            )
        }
        if SDPMediaDescription.isRTP(proto: fields[2]) {
            self.checkPayloadTypes(formatFields)
        }
        var formats: [String] = []
        formats.reserveCapacity(formatFields.count)
        for format in formatFields {
            formats.append(self.string(format))
        }
        self.description.media.append(
            SDPMediaDescription(
                media: self.string(fields[0]),
                port: UInt16(port),
                portCount: portCount,
                proto: self.string(fields[2]),
                formats: formats
            )
        )
        self.mediaOffsets.append(self.lineStart)
        self.section = .media(self.description.media.count - 1)
    }

    /// Checks that the formats of an RTP profile are payload type numbers 0…127 (RFC 3550 §5.1), reporting
    /// the first fault of each kind.
    private mutating func checkPayloadTypes(_ formats: ArraySlice<Bytes>) {
        var reportedSyntax = false
        var reportedRange = false
        for format in formats {
            if let number = format.sdpDecimal() {
                if number > 127 && !reportedRange {
                    reportedRange = true
                    self.log.record(.payloadTypeOutOfRange, at: format.startIndex, "an RTP payload type above 127")
                }
            } else if format.allSatisfy(ASCII.isDigit) && !reportedRange {
                // Digits too many for 64 bits: a number, far out of range.
                reportedRange = true
                self.log.record(.payloadTypeOutOfRange, at: format.startIndex, "an RTP payload type above 127")
            } else if !format.allSatisfy(ASCII.isDigit) && !reportedSyntax {
                reportedSyntax = true
                self.log.record(.badMedia, at: format.startIndex, "an RTP format that is not a payload type number")
            }
        }
    }
}
