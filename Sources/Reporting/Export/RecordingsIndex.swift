import Foundation

/// The calls of `DATA/recordings/index.jsonl` (written by the media coordinator when a call ends: `call`, `callID`,
/// `files`), read to find a Call-ID's recordings and RTP capture.
///
/// Only file names the coordinator makes are used (``isRecordingName(_:)``: `call-N-caller.wav`,
/// `call-N-honeypot.wav`, `call-N-rtp.pcap`); any other name in the index is ignored, so the index cannot point
/// the export anywhere else. The Call-ID is compared exactly and never used in a path.
struct RecordingsIndex {
    /// One line of the index.
    struct Entry: Decodable, Hashable {
        var call: Int
        var callID: String
        var files: [String]
    }

    /// The most bytes of the index read.
    static let maximumIndexBytes = 64 << 20

    let folder: String

    /// The file names (in the folder) of `callID`'s calls, in index order, without repeats.
    func files(callID: String) -> [String] {
        guard let handle = FileHandle(forReadingAtPath: self.folder + "/index.jsonl") else { return [] }
        defer { try? handle.close() }
        guard let data = try? handle.read(upToCount: Self.maximumIndexBytes) else { return [] }
        var seen = Set<String>()
        var names: [String] = []
        let decoder = JSONDecoder()
        for line in data.split(separator: UInt8(ascii: "\n")) {
            guard let entry = try? decoder.decode(Entry.self, from: Data(line)), entry.callID == callID else {
                continue
            }
            for name in entry.files where Self.isRecordingName(name) && seen.insert(name).inserted {
                names.append(name)
            }
        }
        return names
    }

    /// Whether `name` is one the media coordinator writes.
    static func isRecordingName(_ name: String) -> Bool {
        name.wholeMatch(of: /call-[0-9]{1,9}-(caller\.wav|honeypot\.wav|rtp\.pcap)/) != nil
    }
}
