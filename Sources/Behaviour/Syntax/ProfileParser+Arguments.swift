extension ProfileParser {
    // MARK: - Arguments

    /// After `(`: arguments up to and including `)`; a trailing comma is allowed.
    mutating func argumentList() throws(BehaviourError) -> [ProfileSyntax.Argument] {
        var arguments: [ProfileSyntax.Argument] = []
        while true {
            self.skipTrivia()
            if self.peek() == ASCII.closeParen {
                self.index += 1
                return arguments
            }
            if arguments.count >= self.limits.maximumArguments {
                throw self.fail(
                    .limitExceeded,
                    "more than \(self.limits.maximumArguments) arguments",
                    at: self.index
                )
            }
            arguments.append(try self.argument())
            self.skipTrivia()
            if self.peek() == ASCII.comma {
                self.index += 1
            } else if self.peek() != ASCII.closeParen {
                throw self.fail(.syntax, "expected ',' or ')' after an argument", at: self.index)
            }
        }
    }

    /// One argument: quoted string, distribution, number or bare word.
    mutating func argument() throws(BehaviourError) -> ProfileSyntax.Argument {
        let offset = self.index
        if self.peek() == ASCII.quote {
            return ProfileSyntax.Argument(kind: .string, text: try self.quotedString(), offset: offset)
        }
        let text = self.scan(ASCII.isBareArgument)
        guard !text.isEmpty else {
            throw self.fail(.syntax, "expected an argument", at: offset)
        }
        guard text.utf8.count <= self.limits.maximumIdentifierLength else {
            throw self.fail(
                .limitExceeded,
                "an argument is longer than \(self.limits.maximumIdentifierLength) bytes",
                at: offset
            )
        }
        self.skipInlineSpace()
        if self.peek() == ASCII.openParen {
            guard text.utf8.allSatisfy(ASCII.isIdentifier) else {
                throw self.fail(.unknownDistribution, "'\(text)' is not a distribution", at: offset)
            }
            self.index += 1
            let parameters = try self.argumentList()
            var numbers: [Double] = []
            for parameter in parameters {
                guard case .number(let value) = parameter.kind else {
                    throw self.fail(.wrongArgumentType, "a distribution takes numbers only", at: parameter.offset)
                }
                numbers.append(value)
            }
            return ProfileSyntax.Argument(
                kind: .distribution(name: text, parameters: numbers),
                text: text,
                offset: offset
            )
        }
        let first = text.utf8.first ?? 0
        let second = text.utf8.dropFirst().first ?? 0
        let signed = first == ASCII.minus || first == ASCII.plus || first == ASCII.dot
        if ASCII.isDigit(first) || (signed && (ASCII.isDigit(second) || second == ASCII.dot)) {
            return ProfileSyntax.Argument(kind: .number(try self.number(text, at: offset)), text: text, offset: offset)
        }
        return ProfileSyntax.Argument(kind: .word, text: text, offset: offset)
    }

    /// `"…"` with `\"` and `\\` escapes, on one line, valid UTF-8.
    mutating func quotedString() throws(BehaviourError) -> String {
        let start = self.index
        self.index += 1
        var bytes: [UInt8] = []
        while true {
            guard self.index < self.source.bytes.count else {
                throw self.fail(.unterminatedString, "a quoted string is not closed", at: start)
            }
            let byte = self.source.bytes[self.index]
            switch byte {
            case ASCII.quote:
                self.index += 1
                guard let text = String(validating: bytes, as: UTF8.self) else {
                    throw self.fail(.invalidText, "a quoted string is not valid UTF-8", at: start)
                }
                return text
            case ASCII.lineFeed, ASCII.carriageReturn:
                throw self.fail(.unterminatedString, "a quoted string is not closed on its line", at: start)
            case ASCII.backslash:
                let next = self.peek(1)
                guard next == ASCII.quote || next == ASCII.backslash else {
                    throw self.fail(.syntax, "only \\\" and \\\\ escapes are allowed", at: self.index)
                }
                bytes.append(next)
                self.index += 2
            default:
                bytes.append(byte)
                self.index += 1
            }
            if bytes.count > self.limits.maximumStringLength {
                throw self.fail(
                    .limitExceeded,
                    "a quoted string is longer than \(self.limits.maximumStringLength) bytes",
                    at: start
                )
            }
        }
    }

    /// `[-+]? digits [. digits]` or `[-+]? . digits`, at most 32 bytes.
    func number(_ text: String, at offset: Int) throws(BehaviourError) -> Double {
        var bytes = Array(text.utf8)
        if let first = bytes.first, first == ASCII.minus || first == ASCII.plus {
            bytes.removeFirst()
        }
        var valid = text.utf8.count <= 32 && !bytes.isEmpty
        if let dot = bytes.firstIndex(of: ASCII.dot) {
            let whole = bytes[..<dot]
            let fraction = bytes[(dot + 1)...]
            valid = valid && !fraction.isEmpty && fraction.allSatisfy(ASCII.isDigit) && whole.allSatisfy(ASCII.isDigit)
        } else {
            valid = valid && bytes.allSatisfy(ASCII.isDigit)
        }
        guard valid, let value = Double(text), value.isFinite else {
            throw self.fail(.badNumber, "'\(text)' is not a decimal number", at: offset)
        }
        guard abs(value) <= 1e9 else {
            throw self.fail(.outOfRange, "numbers in a profile are within -1000000000 and 1000000000", at: offset)
        }
        return value
    }
}
