import Foundation
import Testing

@testable import Reporting

/// Runs a program and returns its exit status and standard output.
func runProgram(_ path: String, _ arguments: [String], in folder: String? = nil) throws -> (Int32, String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    if let folder { process.currentDirectoryURL = URL(fileURLWithPath: folder) }
    let output = Pipe()
    process.standardOutput = output
    process.standardError = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}

@Suite struct TarWriterTests {
    @Test func systemTarReadsIt() throws {
        var tar = TarWriter()
        try tar.addDirectory("incident-ab", modificationTime: 1_796_464_800)
        try tar.addFile("incident-ab/empty.txt", contents: [], modificationTime: 1_796_464_800)
        let big = (0..<1_300).map { UInt8($0 % 251) }
        try tar.addFile("incident-ab/data.bin", contents: big, modificationTime: 1_796_464_800, mode: 0o600)
        let archive = tar.finish()
        #expect(archive.count % 512 == 0)
        #expect(archive.count == 512 + 512 + 512 + 1_536 + 1_024)

        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        try Data(archive).write(to: URL(fileURLWithPath: folder.file("a.tar")))
        let (listStatus, listing) = try runProgram("/usr/bin/tar", ["-tvf", folder.file("a.tar")])
        #expect(listStatus == 0, "\(listing)")
        #expect(listing.contains("drwxr-xr-x honeyphone/honeyphone 0 2026-12-05"))
        #expect(listing.contains("-rw------- honeyphone/honeyphone 1300 "))
        #expect(listing.contains("incident-ab/data.bin"))
        let (status, output) = try runProgram("/usr/bin/tar", ["-xf", "a.tar"], in: folder.path)
        #expect(status == 0, "\(output)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: folder.file("incident-ab/data.bin"))) == Data(big))
        #expect(try Data(contentsOf: URL(fileURLWithPath: folder.file("incident-ab/empty.txt"))).isEmpty)
    }

    @Test(arguments: [
        "", "/etc/passwd", "../escape", "a/../../b", "a//b", "a/./b", "a/", "with space", "semi;colon", "new\nline",
        "caf\u{E9}", String(repeating: "a", count: 100), "nul\u{0}",
    ])
    func rejectsNames(_ name: String) {
        var tar = TarWriter()
        #expect(throws: ReportingError.self) { try tar.addFile(name, contents: [1], modificationTime: 0) }
        #expect(tar.bytes.isEmpty)
    }

    @Test func rejectsDuplicatesAndBoundsTheSize() throws {
        var tar = TarWriter(maximumBytes: 4_096)
        try tar.addFile("a", contents: [UInt8](repeating: 1, count: 1_000), modificationTime: 0)
        #expect(throws: ReportingError.self) { try tar.addFile("a", contents: [], modificationTime: 0) }
        do {
            try tar.addFile("b", contents: [UInt8](repeating: 2, count: 2_000), modificationTime: 0)
            Issue.record("the bound was not enforced")
        } catch {
            #expect(error.code == .tooLarge)
        }
        #expect(tar.finish().count <= 4_096)
    }

    @Test func headerChecksum() {
        let header = TarWriter.header(name: "x", size: 5, mode: 0o644, type: 0x30, modificationTime: 0)
        var copy = header
        for index in 148..<156 { copy[index] = 0x20 }
        let sum = copy.reduce(0) { $0 + Int($1) }
        let stored = Int(String(decoding: header[148..<154], as: UTF8.self), radix: 8)
        #expect(stored == sum)
        #expect(Array(header[257..<263]) == Array("ustar\u{0}".utf8))
    }
}
