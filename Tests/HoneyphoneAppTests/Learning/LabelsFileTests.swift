import Foundation
import Inference
import Testing

@testable import HoneyphoneApp

@Suite struct LabelsFileTests {
    static func parse(_ text: String, limits: LabelsFile.Limits = .init()) throws(LabelsFileError) -> LabelsFile {
        try LabelsFile.parse(Array(text.utf8), fileName: "labels.txt", limits: limits)
    }

    @Test func readsEverySelectorCommentsAndOptionalFields() throws {
        let file = try Self.parse(
            """
            # a comment line

              captures/svmap.pcap#12   Suspicious  scanning,extension-enumeration  # trailing comment\r
            call-id:a84b#4c76@host     crafted     none
            source:2001:DB8:0:0:0:0:0:7  -         toll-fraud
            source:[192.0.2.1]         NORMAL
            """
        )
        #expect(
            file.entries.map(\.selector) == [
                .message(file: "captures/svmap.pcap", index: 12), .callID("a84b#4c76@host"), .source("2001:db8::7"),
                .source("192.0.2.1"),
            ]
        )
        #expect(file.entries.map(\.nature) == ["Suspicious", "Crafted", nil, "Normal"])
        #expect(file.entries.map(\.attackTypes) == [[.scanning, .extensionEnumeration], [], [.tollFraud], nil])
        #expect(file.entries.map(\.line) == [3, 4, 5, 6])
    }

    @Test func theMostSpecificSelectorWins() throws {
        let file = try Self.parse(
            """
            source:192.0.2.9          Suspicious
            call-id:abc               Crafted
            a.pcap#2                  Normal
            /data/run1/b.pcap#1       Crafted
            """
        )
        func nature(_ origin: String, _ index: Int, _ callID: String?, _ source: String) -> String?? {
            file.entryIndex(origin: origin, index: index, callID: callID, source: source).map {
                file.entries[$0].nature
            }
        }
        #expect(nature("/tmp/x/a.pcap", 2, "abc", "192.0.2.9") == "Normal")
        #expect(nature("/tmp/x/a.pcap", 3, "abc", "192.0.2.9") == "Crafted")
        #expect(nature("/tmp/x/a.pcap", 3, "other", "192.0.2.9") == "Suspicious")
        #expect(nature("/tmp/x/a.pcap", 3, nil, "192.0.2.10") == nil)
        #expect(nature("/data/run1/./b.pcap", 1, nil, "198.51.100.1") == "Crafted")
        #expect(nature("/data/run2/b.pcap", 1, nil, "198.51.100.1") == nil)
    }

    @Test(
        arguments: [
            ("a.sip#1 Normal\nb.sip#0 Normal\n", LabelsFileError.Code.invalidSelector, 2, 7),
            ("a.sip#x Normal", .invalidSelector, 1, 7),
            ("#1 Normal", .syntax, 0, 0),  // a comment: parses to nothing
            ("justafile Normal", .invalidSelector, 1, 1),
            ("  source:192.0.2.300 Normal", .invalidSelector, 1, 10),
            ("call-id: Normal", .invalidSelector, 1, 9),
            ("a.sip#1", .syntax, 1, 9),
            ("a.sip#1 Normal scanning extra", .syntax, 1, 25),
            ("a.sip#1\tSuspicous", .unknownLabel, 1, 9),
            ("a.sip#1 Normal scanning,flood", .unknownAttackType, 1, 25),
            ("a.sip#1 Normal scanning,,spit", .unknownAttackType, 1, 25),
            ("a.sip#1 Normal\n\n./a.sip#1 Crafted", .duplicateSelector, 3, 1),
            ("a.sip#1 Nor\u{1}mal", .syntax, 1, 12),
        ]
    )
    func rejectsWithLineAndColumn(text: String, code: LabelsFileError.Code, line: Int, column: Int) {
        do {
            let file = try Self.parse(text)
            #expect(line == 0, "expected \(code) at \(line):\(column), parsed \(file.entries)")
        } catch {
            #expect(error.code == code)
            #expect(error.line == line)
            #expect(error.column == column)
            #expect(error.description.hasPrefix("labels.txt:\(line):\(column): \(code.rawValue): "))
        }
    }

    @Test func aDuplicateNamesTheFirstLine() {
        let error = #expect(throws: LabelsFileError.self) {
            try Self.parse("source:192.0.2.1 Normal\nsource:192.0.2.1 Crafted")
        }
        #expect(error?.message.contains("already labelled on line 1") == true)
    }

    @Test func enforcesItsLimits() {
        let limits = LabelsFile.Limits(maximumBytes: 200, maximumLineBytes: 20, maximumLines: 3)
        #expect(throws: Never.self) { try Self.parse("a.sip#1 Normal\r\n\n# 20 bytes, exactly.\r\n", limits: limits) }
        do {
            _ = try Self.parse("a.sip#1 Normal\nb.sip#1 Normal    #  long\n", limits: limits)
            Issue.record("a 27-byte line passed a 20-byte limit")
        } catch {
            #expect(error.code == .limitExceeded)
            #expect((error.line, error.column) == (2, 21))
        }
        do {
            _ = try Self.parse("\n\n\n\n", limits: limits)
            Issue.record("four lines passed a three-line limit")
        } catch {
            #expect(error.code == .limitExceeded)
            #expect(error.line == 4)
        }
        do {
            _ = try Self.parse(String(repeating: "\n", count: 201), limits: limits)
            Issue.record("201 bytes passed a 200-byte limit")
        } catch {
            #expect(error.code == .limitExceeded)
        }
    }

    @Test func acceptsTheStatesOfAnotherModel() throws {
        let file = try LabelsFile.parse(Array("a.sip#1 benign".utf8), fileName: "l", classes: ["Benign", "Hostile"])
        #expect(file.entries.first?.nature == "Benign")
        #expect(throws: LabelsFileError.self) {
            try LabelsFile.parse(Array("a.sip#1 Normal".utf8), fileName: "l", classes: ["Benign", "Hostile"])
        }
    }
}
