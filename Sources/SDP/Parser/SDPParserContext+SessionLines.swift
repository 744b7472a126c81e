// The handlers of the lines other than `m=` and `a=` (RFC 8866 §5.1–§5.12).

extension SDPParserContext {
    /// `v=0` (§5.1).
    mutating func handleVersion(_ value: Bytes) {
        let target = self.place(SDPLineType.version)
        guard target == .session, self.firstOfItsType(SDPLineType.version, in: target) else {
            return
        }
        let split = self.fields(value, maximum: 1)
        guard split.fields.count == 1, !split.truncated,
            let version = split.fields[0].sdpDecimal(maximum: UInt64(Int32.max))
        else {
            self.log.record(.badVersion, at: value.startIndex, "the version is not a decimal number")
            return
        }
        self.description.version = Int(version)
        if version != 0 {
            self.log.record(.badVersion, at: value.startIndex, "version \(version); only 0 is defined")
        }
    }

    /// `o=<username> <sess-id> <sess-version> <nettype> <addrtype> <unicast-address>` (§5.2).
    mutating func handleOrigin(_ value: Bytes) {
        let target = self.place(SDPLineType.origin)
        guard target == .session, self.firstOfItsType(SDPLineType.origin, in: target) else {
            return
        }
        let split = self.fields(value, maximum: 6)
        guard split.fields.count == 6, !split.truncated else {
            let found = split.truncated ? "more than 6" : String(split.fields.count)
            self.log.record(.badOrigin, at: value.startIndex, "o= needs six fields; found \(found)")
            return
        }
        let fields = split.fields
        for (index, name) in [(1, "sess-id"), (2, "sess-version")] where !fields[index].allSatisfy(ASCII.isDigit) {
            self.log.record(.badOrigin, at: fields[index].startIndex, "the \(name) is not a decimal number")
        }
        self.checkNetwork(networkType: fields[3], addressType: fields[4], address: fields[5])
        self.description.origin = SDPOrigin(
            username: self.string(fields[0]),
            sessionID: self.string(fields[1]),
            sessionVersion: self.string(fields[2]),
            networkType: self.string(fields[3]),
            addressType: self.string(fields[4]),
            unicastAddress: self.string(fields[5])
        )
    }

    /// `s=<session name>` (§5.3): text, kept as sent.
    mutating func handleSessionName(_ value: Bytes) {
        let target = self.place(SDPLineType.sessionName)
        guard target == .session, self.firstOfItsType(SDPLineType.sessionName, in: target) else {
            return
        }
        if value.isEmpty {
            self.log.record(.emptySessionName, at: value.startIndex, "an empty s= line")
        }
        self.description.sessionName = self.string(value)
    }

    /// `i=<information>` (§5.4), at either level: text, kept as sent.
    mutating func handleInformation(_ value: Bytes) {
        let target = self.place(SDPLineType.information)
        guard self.firstOfItsType(SDPLineType.information, in: target) else {
            return
        }
        let text = self.string(value)
        switch target {
        case .session: self.description.information = text
        case .media(let index): self.description.media[index].information = text
        case .ignored: break
        }
    }

    /// `u=<uri>` (§5.5).
    mutating func handleURI(_ value: Bytes) {
        let target = self.place(SDPLineType.uri)
        guard target == .session, self.firstOfItsType(SDPLineType.uri, in: target) else {
            return
        }
        self.description.uri = self.string(value)
    }

    /// `e=<email-address>` and `p=<phone-number>` (§5.6), any number of each.
    mutating func handleContact(type: UInt8, value: Bytes) {
        guard self.place(type) == .session else {
            return
        }
        let text = self.string(value)
        if type == SDPLineType.email {
            self.description.emails.append(text)
        } else {
            self.description.phones.append(text)
        }
    }

    /// `c=<nettype> <addrtype> <connection-address>` (§5.7): once at the session level, any number per media.
    mutating func handleConnection(_ value: Bytes) {
        let target = self.place(SDPLineType.connection)
        switch target {
        case .session:
            guard self.firstOfItsType(SDPLineType.connection, in: target),
                let connection = self.connection(value)
            else {
                return
            }
            self.description.connection = connection
        case .media(let index):
            guard let connection = self.connection(value) else {
                return
            }
            self.description.media[index].connections.append(connection)
        case .ignored:
            return
        }
    }

    /// Parses a connection value, reporting its faults; `nil` when it has no usable shape.
    mutating func connection(_ value: Bytes) -> SDPConnection? {
        let split = self.fields(value, maximum: 3)
        guard split.fields.count == 3, !split.truncated else {
            self.log.record(.badConnection, at: value.startIndex, "c= needs three fields")
            return nil
        }
        let (networkType, addressType, field) = (split.fields[0], split.fields[1], split.fields[2])
        let isIP4 = addressType.elementsEqual("IP4".utf8)
        guard isIP4 || addressType.elementsEqual("IP6".utf8) else {
            self.checkNetwork(networkType: networkType, addressType: addressType, address: field)
            return SDPConnection(
                networkType: self.string(networkType),
                addressType: self.string(addressType),
                address: self.string(field)
            )
        }
        // IP4: <address>[/<ttl>[/<count>]]; IP6: <address>[/<count>] (§5.7).
        let (parts, truncated) = field.sdpSplit(separator: ASCII.slash, maximumParts: isIP4 ? 3 : 2)
        guard !truncated, !parts[0].isEmpty else {
            self.log.record(.badConnection, at: field.startIndex, "an empty address or too many '/' suffixes")
            return nil
        }
        var ttl: UInt8? = nil
        var count: UInt32? = nil
        if isIP4, parts.count >= 2 {
            guard let value = parts[1].sdpDecimal(maximum: 255) else {
                self.log.record(.badConnection, at: parts[1].startIndex, "the TTL is not a number in 0…255")
                return nil
            }
            ttl = UInt8(value)
        }
        if let countPart = parts.count == (isIP4 ? 3 : 2) ? parts.last : nil {
            guard let value = countPart.sdpDecimal(maximum: UInt64(UInt32.max)), value > 0 else {
                self.log.record(.badConnection, at: countPart.startIndex, "the address count is not a positive number")
                return nil
            }
            count = UInt32(value)
        }
        self.checkNetwork(networkType: networkType, addressType: addressType, address: parts[0])
        return SDPConnection(
            networkType: self.string(networkType),
            addressType: self.string(addressType),
            address: self.string(parts[0]),
            ttl: ttl,
            numberOfAddresses: count
        )
    }

    /// `b=<bwtype>:<bandwidth>` (§5.8), any number at either level.
    mutating func handleBandwidth(_ value: Bytes) {
        let target = self.place(SDPLineType.bandwidth)
        guard target != .ignored else {
            return
        }
        let (type, number) = value.sdpSplitOnce(at: ASCII.colon)
        guard type.sdpIsToken, let number, let bandwidth = number.sdpDecimal() else {
            self.log.record(.badBandwidth, at: value.startIndex, "b= is not <token>:<decimal number>")
            return
        }
        let line = SDPBandwidth(type: self.string(type), value: bandwidth)
        switch target {
        case .session: self.description.bandwidths.append(line)
        case .media(let index): self.description.media[index].bandwidths.append(line)
        case .ignored: break
        }
    }

    /// `t=<start-time> <stop-time>` (§5.9).
    mutating func handleTiming(_ value: Bytes) {
        guard self.place(SDPLineType.timing) == .session else {
            return
        }
        self.sawTiming = true
        let split = self.fields(value, maximum: 2)
        guard split.fields.count == 2, !split.truncated, let start = split.fields[0].sdpDecimal(),
            let stop = split.fields[1].sdpDecimal()
        else {
            self.log.record(.badTiming, at: value.startIndex, "t= needs two decimal times")
            self.timingOpen = false
            return
        }
        self.description.timings.append(SDPTiming(start: start, stop: stop))
        self.timingOpen = true
    }

    /// `r=<repeat interval> <active duration> <offsets from start-time>` (§5.10), kept raw.
    mutating func handleRepeat(_ value: Bytes) {
        guard self.place(SDPLineType.repeatTimes) == .session, self.timeDescriptionIsOpen() else {
            return
        }
        let split = self.fields(value, maximum: max(3, self.limits.maximumLineLength))
        guard split.fields.count >= 3, split.fields.allSatisfy(Self.isTypedTime) else {
            self.log.record(.badTiming, at: value.startIndex, "r= needs three or more typed times")
            return
        }
        let last = self.description.timings.count - 1
        self.description.timings[last].repeats.append(self.string(value))
    }

    /// `z=<adjustment time> <offset> ...` (§5.11), kept raw, at most once per time description.
    mutating func handleZone(_ value: Bytes) {
        guard self.place(SDPLineType.zoneAdjustments) == .session, self.timeDescriptionIsOpen() else {
            return
        }
        let last = self.description.timings.count - 1
        guard self.description.timings[last].zoneAdjustments == nil else {
            self.log.record(.duplicateLine, at: self.lineStart, "a second z= line for one t=; the first is kept")
            return
        }
        let split = self.fields(value, maximum: max(2, self.limits.maximumLineLength))
        let fields = split.fields
        let wellFormed =
            !fields.isEmpty && fields.count % 2 == 0
            && stride(from: 0, to: fields.count, by: 2).allSatisfy { index in
                let offset = fields[index + 1]
                let unsigned = offset.first == ASCII.minus ? offset.dropFirst() : offset
                return fields[index].sdpDecimal() != nil && Self.isTypedTime(unsigned)
            }
        guard wellFormed else {
            self.log.record(.badTiming, at: value.startIndex, "z= needs pairs of <time> [-]<typed time>")
            return
        }
        self.description.timings[last].zoneAdjustments = self.string(value)
    }

    /// Whether an `r=` or `z=` line has a well-formed `t=` to attach to (reporting it when there is no `t=`).
    private mutating func timeDescriptionIsOpen() -> Bool {
        guard self.sawTiming else {
            self.log.record(.lineOrder, at: self.lineStart, "r= or z= before any t= line")
            return false
        }
        return self.timingOpen && !self.description.timings.isEmpty
    }

    /// Whether `bytes` is a `typed-time`: digits with an optional `d`, `h`, `m` or `s` unit (§9).
    static func isTypedTime(_ bytes: Bytes) -> Bool {
        guard let last = bytes.last else {
            return false
        }
        let isUnit =
            last == UInt8(ascii: "d") || last == UInt8(ascii: "h") || last == UInt8(ascii: "m")
            || last == UInt8(ascii: "s")
        return (isUnit ? bytes.dropLast() : bytes).sdpDecimal() != nil
    }

    /// `k=<method>[:<encryption key>]` (§5.12): obsolete, kept raw, at most once per section.
    mutating func handleKey(_ value: Bytes) {
        let target = self.place(SDPLineType.key)
        guard target != .ignored else {
            return
        }
        self.log.record(.obsoleteKey, at: self.lineStart, "k= is obsolete (RFC 8866 §5.12)")
        guard self.firstOfItsType(SDPLineType.key, in: target) else {
            return
        }
        let text = self.string(value)
        switch target {
        case .session: self.description.key = text
        case .media(let index): self.description.media[index].key = text
        case .ignored: break
        }
    }
}
