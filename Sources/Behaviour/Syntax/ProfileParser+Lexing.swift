extension ProfileParser {
    // MARK: - Lexical helpers

    /// Words of a state name on one line, joined by one space; `nil` if there is none.
    mutating func stateName() throws(BehaviourError) -> String? {
        var words: [String] = []
        while true {
            let offset = self.index
            let word = self.scan(ASCII.isNameWord)
            if word.isEmpty { break }
            guard word.utf8.count <= self.limits.maximumIdentifierLength else {
                throw self.fail(.limitExceeded, "a state name word is too long", at: offset)
            }
            if words.count >= self.limits.maximumArguments {
                throw self.fail(.limitExceeded, "a state name has too many words", at: offset)
            }
            words.append(word)
            self.skipInlineSpace()
        }
        return words.isEmpty ? nil : words.joined(separator: " ")
    }

    /// Letters, digits and `_`, at least one, within the identifier limit.
    mutating func identifier(_ message: String) throws(BehaviourError) -> String {
        let offset = self.index
        let word = self.scan(ASCII.isIdentifier)
        guard !word.isEmpty else {
            throw self.fail(.syntax, message, at: offset)
        }
        guard word.utf8.count <= self.limits.maximumIdentifierLength else {
            throw self.fail(
                .limitExceeded,
                "a name is longer than \(self.limits.maximumIdentifierLength) bytes",
                at: offset
            )
        }
        return word
    }

    /// The bytes from here that `accepts` takes, as a string (ASCII by construction).
    mutating func scan(_ accepts: (UInt8) -> Bool) -> String {
        let start = self.index
        while self.index < self.source.bytes.count && accepts(self.source.bytes[self.index]) {
            self.index += 1
        }
        return String(decoding: self.source.bytes[start..<self.index], as: UTF8.self)
    }

    /// Consumes `byte` or throws a syntax error.
    mutating func expect(_ byte: UInt8, _ message: String) throws(BehaviourError) {
        guard self.peek() == byte else {
            throw self.fail(.syntax, message, at: self.index)
        }
        self.index += 1
    }

    /// Spaces, tabs, line ends and `#` comments.
    mutating func skipTrivia() {
        while self.index < self.source.bytes.count {
            let byte = self.source.bytes[self.index]
            if ASCII.isInlineSpace(byte) || byte == ASCII.lineFeed || byte == ASCII.carriageReturn {
                self.index += 1
            } else if byte == ASCII.hash {
                while self.index < self.source.bytes.count && self.source.bytes[self.index] != ASCII.lineFeed {
                    self.index += 1
                }
            } else {
                return
            }
        }
    }

    /// Spaces and tabs.
    mutating func skipInlineSpace() {
        while self.index < self.source.bytes.count && ASCII.isInlineSpace(self.source.bytes[self.index]) {
            self.index += 1
        }
    }

    /// The byte `ahead` of the current one, or 0 past the end.
    func peek(_ ahead: Int = 0) -> UInt8 {
        let position = self.index + ahead
        return position < self.source.bytes.count ? self.source.bytes[position] : 0
    }

    /// An error at `offset`.
    func fail(_ code: BehaviourError.Code, _ message: String, at offset: Int) -> BehaviourError {
        self.source.error(code, message, at: offset)
    }
}
