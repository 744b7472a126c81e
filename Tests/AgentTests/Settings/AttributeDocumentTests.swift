import Agent
import Testing

@Suite struct AttributeDocumentTests {
    func parse(_ text: String) throws(SettingsError) -> AttributeDocument {
        try AttributeDocument(parsing: text, fileName: "env.conf")
    }

    func error(_ text: String) -> SettingsError? {
        do {
            _ = try self.parse(text)
            return nil
        } catch {
            return error
        }
    }

    @Test func entriesWithPositions() throws {
        let document = try self.parse("identity: hp-1\ndomain:   example.com   \nempty:\n")
        #expect(document.fileName == "env.conf")
        #expect(document.entries.map(\.key) == ["identity", "domain", "empty"])
        #expect(document.entries.map(\.value) == ["hp-1", "example.com", ""])
        #expect(document.entries.map(\.line) == [1, 2, 3])
        #expect(document.entries.map(\.keyColumn) == [1, 1, 1])
        #expect(document.entries.map(\.valueColumn) == [11, 11, 7])
    }

    @Test func indentedEntriesFormABlockUnderTheLastUnindentedOne() throws {
        let document = try self.parse(
            """
            uri: sip:1001@example.com
              password: one
            \tpersona: yealink-t27g-69.86
            uri: sip:1002@example.com
                password: two
            identity: x
            """
        )
        #expect(document.entries.map(\.key) == ["uri", "uri", "identity"])
        #expect(document.entries[0].children.map(\.key) == ["password", "persona"])
        #expect(document.entries[0].children.map(\.value) == ["one", "yealink-t27g-69.86"])
        #expect(document.entries[0].children.map(\.keyColumn) == [3, 2])
        #expect(document.entries[0].children.map(\.line) == [2, 3])
        #expect(document.entries[1].children.map(\.value) == ["two"])
        #expect(document.entries[1].children.first?.valueColumn == 15)
        #expect(document.entries[2].children.isEmpty)
    }

    @Test func commentsAndBlankLinesAreSkippedButValuesKeepHashes() throws {
        let document = try self.parse(
            """
            # a comment
               # an indented comment

            \t
            password: abc#def # not a comment
            """
        )
        #expect(document.entries.count == 1)
        #expect(document.entries[0].value == "abc#def # not a comment")
        #expect(document.entries[0].line == 5)
    }

    @Test
    func crlfLineEndsAreAccepted() throws {
        let document = try self.parse("identity: a\r\ndomain: b\r\nuri: sip:1@b\r\n  password: p\r\n")
        #expect(document.entries.map(\.key) == ["identity", "domain", "uri"])
        #expect(document.entries.map(\.value) == ["a", "b", "sip:1@b"])
        #expect(document.entries.map(\.line) == [1, 2, 3])
        #expect(document.entries.last?.children.map(\.value) == ["p"])
    }

    @Test
    func crlfDoesNotCountTowardsTheLineLimit() throws {
        let prefix = "identity: "
        let longest = prefix + String(repeating: "x", count: AttributeDocument.maximumLineLength - prefix.utf8.count)
        let document = try self.parse("a: 1\r\n" + longest + "\r\n")
        #expect(document.entries.count == 2)
        #expect(document.entries.allSatisfy { !$0.value.utf8.contains(13) && !$0.value.utf8.contains(10) })
    }

    struct ErrorCase: Sendable, CustomStringConvertible {
        var text: String
        var line: Int
        var column: Int
        var message: String
        var description: String { self.text.debugDescription }
    }

    @Test(
        arguments: [
            ErrorCase(text: "identity: a\nno colon here", line: 2, column: 1, message: "expected 'attribute: value'"),
            ErrorCase(text: "a: 1\n   no colon", line: 2, column: 4, message: "expected 'attribute: value'"),
            ErrorCase(text: "1abc: x", line: 1, column: 1, message: "invalid attribute name '1abc'"),
            ErrorCase(text: "a: 1\n  bad key: x", line: 2, column: 3, message: "invalid attribute name 'bad key'"),
            ErrorCase(text: ": value", line: 1, column: 1, message: "invalid attribute name ''"),
            ErrorCase(text: "  password: x\nuri: y", line: 1, column: 1, message: "indented attribute without"),
            ErrorCase(text: "# c\n\n  password: x", line: 3, column: 1, message: "indented attribute without"),
        ]
    )
    func errorsHaveLineAndColumn(_ test: ErrorCase) throws {
        let error = try #require(self.error(test.text))
        #expect(error.file == "env.conf")
        #expect(error.line == test.line)
        #expect(error.column == test.column)
        #expect(error.message.hasPrefix(test.message), "\(error.message)")
        #expect(error.description == "env.conf:\(test.line):\(test.column): \(error.message)")
    }

    @Test func keysMayHaveDigitsDashesUnderscoresDots() throws {
        let document = try self.parse("a-b_c.d9: v\nkey : spaced")
        #expect(document.entries.map(\.key) == ["a-b_c.d9", "key"])
        #expect(document.entries[1].value == "spaced")
    }

    @Test func linesUpToTheLimitAreAcceptedAndLongerOnesRejected() throws {
        let prefix = "identity: "
        let longest = prefix + String(repeating: "x", count: AttributeDocument.maximumLineLength - prefix.utf8.count)
        #expect(longest.utf8.count == AttributeDocument.maximumLineLength)
        #expect(try self.parse("a: 1\n" + longest).entries.count == 2)
        let error = try #require(self.error("a: 1\n" + longest + "x"))
        #expect(error.line == 2)
        #expect(error.column == 1)
        #expect(error.message == "line longer than 4096 bytes")
        // Bytes, not characters.
        let multibyte = "a: " + String(repeating: "é", count: 2_047)
        #expect(self.error(multibyte)?.message == "line longer than 4096 bytes")
    }

    @Test func tooManyLines() throws {
        let text = String(repeating: "# c\n", count: AttributeDocument.maximumLines) + "a: 1"
        let error = try #require(self.error(text))
        #expect(error.line == AttributeDocument.maximumLines + 1)
        #expect(error.message == "too many lines")
    }
}

@Suite struct AttributeReaderTests {
    func reader(_ text: String, known: Set<String>) throws -> AttributeReader {
        let document = try AttributeDocument(parsing: text, fileName: "r.conf")
        return AttributeReader(fileName: "r.conf", entries: document.entries, known: known)
    }

    func thrown(_ body: () throws(SettingsError) -> Void) -> SettingsError? {
        do {
            try body()
            return nil
        } catch {
            return error
        }
    }

    @Test func unknownKeysAreReportedAtTheKey() throws {
        let reader = try self.reader("a: 1\n  b: 2\nzz: 3", known: ["a"])
        let error = try #require(self.thrown { () throws(SettingsError) in try reader.checkKeys() })
        #expect(error.description == "r.conf:3:1: unknown attribute 'zz'")
    }

    @Test func typedValues() throws {
        let reader = try self.reader(
            "n: 42\nd1: 30\nd2: 2.5s\nd3: 500ms\nb1: yes\nb2: Off\nl: a, b,, c ,\ns: text",
            known: ["n", "d1", "d2", "d3", "b1", "b2", "l", "s"]
        )
        #expect(try reader.integer("n", in: 1...100) == 42)
        #expect(try reader.integer("missing", in: 1...100) == nil)
        #expect(try reader.duration("d1") == .seconds(30))
        #expect(try reader.duration("d2") == .milliseconds(2_500))
        #expect(try reader.duration("d3") == .milliseconds(500))
        #expect(try reader.bool("b1") == true)
        #expect(try reader.bool("b2") == false)
        #expect(try reader.list("l") == ["a", "b", "c"])
        #expect(try reader.string("s") == "text")
        #expect(try reader.required("s") == "text")
    }

    @Test(
        arguments: [
            ("n: 101", "r.conf:1:4: 'n' must be an integer in 1...100"),
            ("n: 1x", "r.conf:1:4: 'n' must be an integer in 1...100"),
            ("d: -1", "r.conf:1:4: 'd' must be a duration such as 30, 2.5s or 500ms (at most 86400 s)"),
            ("d: 100000", "r.conf:1:4: 'd' must be a duration such as 30, 2.5s or 500ms (at most 86400 s)"),
            ("d: soon", "r.conf:1:4: 'd' must be a duration such as 30, 2.5s or 500ms (at most 86400 s)"),
            ("b: maybe", "r.conf:1:4: 'b' must be yes or no"),
            ("n: 1\nn: 2", "r.conf:2:4: attribute 'n' given more than once"),
        ]
    )
    func badValuesAreReportedAtTheValue(_ text: String, _ expected: String) throws {
        let reader = try self.reader(text, known: ["n", "d", "b"])
        let error = try #require(
            self.thrown { () throws(SettingsError) in
                _ = try reader.integer("n", in: 1...100)
                _ = try reader.duration("d")
                _ = try reader.bool("b")
            }
        )
        #expect(error.description == expected)
    }

    @Test func missingRequiredPointsAtTheOwner() throws {
        let document = try AttributeDocument(parsing: "x: 1\nuri: sip:a@b\n  persona: p", fileName: "r.conf")
        let owner = document.entries[1]
        let reader = AttributeReader(fileName: "r.conf", entries: owner.children, known: ["persona", "password"])
        let error = try #require(
            self.thrown { () throws(SettingsError) in _ = try reader.required("password", in: owner) }
        )
        #expect(error.description == "r.conf:2:1: missing attribute 'password'")
    }
}
