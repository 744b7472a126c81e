// The handler of `a=` lines (RFC 8866 §5.13) and the checks of the attributes we type (§6).

extension SDPParserContext {
    /// `a=<attribute-name>[:<attribute-value>]` (§5.13), at most ``SDPLimits/maximumAttributesPerSection`` per
    /// section.
    mutating func handleAttribute(_ value: Bytes) {
        let target = self.place(SDPLineType.attribute)
        let limit = max(0, self.limits.maximumAttributesPerSection)
        switch target {
        case .session:
            guard Self.admit(&self.sessionState, limit: limit, log: &self.log, at: self.lineStart) else {
                return
            }
        case .media:
            guard Self.admit(&self.mediaState, limit: limit, log: &self.log, at: self.lineStart) else {
                return
            }
        case .ignored:
            return
        }
        let (name, attributeValue) = value.sdpSplitOnce(at: ASCII.colon)
        if !name.sdpIsToken {
            self.log.record(.badAttribute, at: value.startIndex, "the attribute name is empty or not a token")
        }
        let attribute = SDPAttribute(name: self.string(name), value: attributeValue.map { self.string($0) })
        switch target {
        case .session: self.description.attributes.append(attribute)
        case .media(let index): self.description.media[index].attributes.append(attribute)
        case .ignored: break
        }
        self.checkTypedAttribute(name: name, value: attributeValue, target: target)
    }

    /// Counts an attribute against the section's limit; `false` (reported once) when the limit is reached.
    private static func admit(
        _ state: inout SectionState,
        limit: Int,
        log: inout SDPAnomalyLog,
        at offset: Int
    ) -> Bool {
        guard state.attributeCount < limit else {
            if !state.attributeLimitReported {
                state.attributeLimitReported = true
                log.record(.tooManyAttributes, at: offset, "more than \(limit) attributes in one section")
            }
            return false
        }
        state.attributeCount += 1
        return true
    }

    /// Checks the value of an attribute whose syntax we know.
    private mutating func checkTypedAttribute(name: Bytes, value: Bytes?, target: Target) {
        let formats: [String]?
        if case .media(let index) = target {
            formats = self.description.media[index].formats
        } else {
            formats = nil
        }
        if name.elementsEqual("rtpmap".utf8) {
            self.checkRTPMap(value, formats: formats)
        } else if name.elementsEqual("fmtp".utf8) {
            self.checkFormatParameters(value, formats: formats)
        } else if name.elementsEqual("ptime".utf8) || name.elementsEqual("maxptime".utf8) {
            if !(value.map(Self.isPacketTime) ?? false) {
                self.log.record(.badAttribute, at: self.lineStart, "a packet time that is not a positive number")
            }
        } else if name.elementsEqual("rtcp".utf8) {
            self.checkRTCP(value)
        } else if let direction = SDPDirection(bytes: name) {
            self.checkDirection(direction, hasValue: value != nil, target: target)
        }
    }

    /// `a=rtpmap:<payload type> <encoding name>/<clock rate>[/<encoding parameters>]` (§6.6).
    private mutating func checkRTPMap(_ value: Bytes?, formats: [String]?) {
        guard let value else {
            self.log.record(.badRTPMap, at: self.lineStart, "a=rtpmap without a value")
            return
        }
        do {
            let map = try SDPRTPMap(parsing: value)
            if let formats, !formats.contains(String(map.payloadType)) {
                self.log.record(.rtpmapWithoutFormat, at: value.startIndex, "a=rtpmap for a payload type not on m=")
            }
        } catch .payloadTypeOutOfRange {
            self.log.record(.payloadTypeOutOfRange, at: value.startIndex, "an RTP payload type above 127")
        } catch {
            self.log.record(.badRTPMap, at: value.startIndex, "not <payload type> <encoding>/<clock rate>[/<channels>]")
        }
    }

    /// `a=fmtp:<format> <format specific parameters>` (§6.15).
    private mutating func checkFormatParameters(_ value: Bytes?, formats: [String]?) {
        guard let value, let parameters = try? SDPFormatParameters(parsing: value) else {
            self.log.record(.badFMTP, at: value?.startIndex ?? self.lineStart, "not <format> <parameters>")
            return
        }
        if let formats, !formats.contains(parameters.format) {
            self.log.record(.fmtpWithoutFormat, at: value.startIndex, "a=fmtp for a format not on m=")
        }
    }

    /// `a=rtcp:<port> [<nettype> <addrtype> <connection-address>]` (RFC 3605).
    private mutating func checkRTCP(_ value: Bytes?) {
        guard let value else {
            self.log.record(.badAttribute, at: self.lineStart, "a=rtcp without a port")
            return
        }
        let split = value.sdpFields(maximumFields: 4)
        guard (try? SDPRTCPAttribute(parsing: value)) != nil else {
            self.log.record(
                .badAttribute,
                at: value.startIndex,
                "a=rtcp is not <port> [<nettype> <addrtype> <address>]"
            )
            return
        }
        if split.fields.count == 4 {
            self.checkNetwork(networkType: split.fields[1], addressType: split.fields[2], address: split.fields[3])
        }
    }

    /// `a=sendrecv`, `a=sendonly`, `a=recvonly`, `a=inactive` (§6.7): no value, one per section.
    private mutating func checkDirection(_ direction: SDPDirection, hasValue: Bool, target: Target) {
        if hasValue {
            self.log.record(.badAttribute, at: self.lineStart, "a direction attribute with a value")
            return
        }
        let previous: SDPDirection?
        switch target {
        case .session:
            previous = self.sessionState.direction
            self.sessionState.direction = previous ?? direction
        case .media:
            previous = self.mediaState.direction
            self.mediaState.direction = previous ?? direction
        case .ignored:
            return
        }
        guard let previous else {
            return
        }
        if previous == direction {
            self.log.record(.duplicateLine, at: self.lineStart, "the same direction attribute twice")
        } else {
            self.log.record(.conflictingDirection, at: self.lineStart, "two different direction attributes")
        }
    }

    /// Whether `bytes` is a positive packet time: digits, optionally with a decimal fraction (§6.4).
    static func isPacketTime(_ bytes: Bytes) -> Bool {
        let (whole, fraction) = bytes.sdpSplitOnce(at: ASCII.period)
        guard let wholeValue = whole.sdpDecimal() else {
            return false
        }
        guard let fraction else {
            return wholeValue > 0
        }
        return fraction.sdpDecimal() != nil && (wholeValue > 0 || fraction.contains { $0 != ASCII.zero })
    }
}

extension SDPDirection {
    /// The direction whose name is `bytes`, if any.
    init?(bytes: some Collection<UInt8>) {
        for direction in SDPDirection.allCases where bytes.elementsEqual(direction.rawValue.utf8) {
            self = direction
            return
        }
        return nil
    }
}
