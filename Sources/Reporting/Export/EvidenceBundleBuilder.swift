import Crypto
import Foundation
public import Storage

/// Builds the evidence bundle of one incident: everything Honeyphone knows about one Call-ID, in one ustar archive
/// (``TarWriter``) that an analyst or a court can verify file by file.
///
/// The archive holds one folder, `incident-H/` (H: the first 16 hex digits of the SHA-256 of the Call-ID), with:
/// - `capture.pcap`: the call's SIP messages from the trace store (``Storage/PcapWriter``), merged in time order with
///   the call's RTP/RTCP capture from the recordings folder when both have the same link type; when they do not,
///   `rtp.pcap` holds the RTP capture as it was;
/// - `recordings/call-N-caller.wav`, `recordings/call-N-honeypot.wav`: the call's recordings;
/// - `messages.json`: a summary of each message (time, direction, endpoints, method or status, headers, anomalies);
/// - `verdicts.json`: the stored verdicts, each with its explanation, attack labels and investigation;
/// - `investigation.json`: the investigation of the call's first INVITE verdict (else the first verdict);
/// - `manifest.json`: the Call-ID, counts, and the size and SHA-256 of every other file.
///
/// No name in the archive comes from the call (recordings are found through `index.jsonl` and only names the
/// media coordinator writes are used). With `sourceWindow`, the messages of the call's sources within that time
/// before the call's first and after its last message are included too (probes before a call, a flood after).
/// The archive is bounded (``maximumBytes``, default 256 MiB) and so is the number of messages.
public struct EvidenceBundleBuilder: Sendable {
    /// The store of messages and verdicts.
    public let store: any TraceStore & VerdictStore
    /// `DATA/recordings`, or `nil` for none.
    public let recordingsFolder: String?
    /// The bound on the archive.
    public var maximumBytes: Int
    /// The most messages (and the most verdicts) included.
    public var maximumMessages: Int

    /// A builder over `store` and the recordings in `recordingsFolder`.
    public init(
        store: any TraceStore & VerdictStore,
        recordingsFolder: String?,
        maximumBytes: Int = 256 << 20,
        maximumMessages: Int = 10_000
    ) {
        self.store = store
        self.recordingsFolder = recordingsFolder
        self.maximumBytes = maximumBytes
        self.maximumMessages = maximumMessages
    }

    /// The archive's top folder for `callID`.
    public static func folderName(callID: String) -> String {
        let digest = SHA256.hash(data: Array(callID.utf8))
        return "incident-" + digest.prefix(8).map { UtilityHex.byte($0) }.joined()
    }

    /// The ustar archive of `callID`'s incident.
    ///
    /// - Throws: ``ReportingError`` (`not-found` when the store has neither a message nor a verdict with that
    ///   Call-ID; `too-large` past ``maximumBytes``), or the store's error.
    public func bundle(
        callID: String,
        sourceWindow: Duration? = nil,
        createdAt: TraceTimestamp? = nil
    ) async throws
        -> [UInt8]
    {
        var messages = try await self.store.query(
            TraceQuery(callID: callID, limit: self.maximumMessages, order: .ascending)
        )
        let verdicts = try await self.store.verdicts(
            since: nil,
            callID: callID,
            limit: self.maximumMessages,
            newestFirst: false
        )
        if messages.isEmpty && verdicts.isEmpty {
            throw ReportingError.notFound("no message or verdict for the Call-ID")
        }
        if let window = sourceWindow, let first = messages.first, let last = messages.last {
            messages = try await self.withSourceMessages(messages, from: first.timestamp, to: last.timestamp, window)
        }
        let folder = Self.folderName(callID: callID)
        let created = createdAt ?? TraceTimestamp(nanosecondsSinceEpoch: Int64(Date().timeIntervalSince1970 * 1e9))
        var files: [(name: String, bytes: [UInt8])] = []

        // The capture: SIP, and RTP merged when possible.
        let sip = PcapWriter.capture(messages)
        let recordingNames = self.recordingsFolder.map { RecordingsIndex(folder: $0).files(callID: callID) } ?? []
        var capture = sip
        for name in recordingNames where name.hasSuffix("-rtp.pcap") {
            guard let rtp = self.readRecording(name) else { continue }
            if let merged = PcapMerger.merge(capture, rtp) {
                capture = merged
            } else {
                files.append(("rtp/" + name, rtp))
            }
        }
        files.insert(("capture.pcap", capture), at: 0)
        for name in recordingNames where name.hasSuffix(".wav") {
            if let wav = self.readRecording(name) { files.append(("recordings/" + name, wav)) }
        }
        files.append(("messages.json", Array(Self.messagesJSON(messages).utf8)))
        files.append(("verdicts.json", Array(Self.verdictsJSON(verdicts).utf8)))
        let investigated = verdicts.first { $0.method == "INVITE" } ?? verdicts.first
        files.append(("investigation.json", Array(Self.jsonValue(investigated?.investigationJSON).utf8)))

        var manifest = JSONText()
        manifest.beginObject()
        manifest.field("format", "honeyphone-evidence-bundle")
        manifest.field("version", Int64(1))
        manifest.field("call_id", callID)
        manifest.field("created", UTCTime.rfc3339Seconds(created.nanosecondsSinceEpoch))
        manifest.field("messages", Int64(messages.count))
        manifest.field("verdicts", Int64(verdicts.count))
        manifest.field("source_window_seconds", sourceWindow.map { Int64($0.components.seconds) })
        manifest.key("files")
        manifest.beginArray()
        for file in files {
            manifest.beginObject()
            manifest.field("name", file.name)
            manifest.field("bytes", Int64(file.bytes.count))
            manifest.field("sha256", SHA256.hash(data: file.bytes).map { UtilityHex.byte($0) }.joined())
            manifest.endObject()
        }
        manifest.endArray()
        manifest.endObject()

        var tar = TarWriter(maximumBytes: self.maximumBytes)
        let time = created.seconds
        try tar.addDirectory(folder, modificationTime: time)
        try tar.addFile(
            folder + "/manifest.json",
            contents: Array((manifest.output + "\n").utf8),
            modificationTime: time
        )
        var directories = Set<String>()
        for file in files {
            if let slash = file.name.firstIndex(of: "/") {
                let directory = folder + "/" + file.name[..<slash]
                if directories.insert(directory).inserted { try tar.addDirectory(directory, modificationTime: time) }
            }
            try tar.addFile(folder + "/" + file.name, contents: file.bytes, modificationTime: time)
        }
        return tar.finish()
    }

    /// `messages` and the messages of their sources within `window` around [`from`, `to`], by id, in time order.
    private func withSourceMessages(
        _ messages: [TraceRecord],
        from: TraceTimestamp,
        to: TraceTimestamp,
        _ window: Duration
    ) async throws -> [TraceRecord] {
        let nanoseconds =
            Int64(window.components.seconds) * 1_000_000_000
            + window.components.attoseconds / 1_000_000_000
        var byID: [Int64: TraceRecord] = [:]
        for message in messages { byID[message.id ?? 0] = message }
        let sources = Array(Set(messages.filter { $0.direction == .received }.map(\.remote.address)).sorted().prefix(8))
        for source in sources {
            let extra = try await self.store.query(
                TraceQuery(
                    since: TraceTimestamp(nanosecondsSinceEpoch: from.nanosecondsSinceEpoch &- nanoseconds),
                    until: TraceTimestamp(nanosecondsSinceEpoch: to.nanosecondsSinceEpoch &+ nanoseconds &+ 1),
                    remoteAddress: source,
                    limit: self.maximumMessages
                )
            )
            for record in extra where byID.count < self.maximumMessages { byID[record.id ?? 0] = record }
        }
        return PcapWriter.sorted(Array(byID.values))
    }

    private func readRecording(_ name: String) -> [UInt8]? {
        guard let folder = self.recordingsFolder, RecordingsIndex.isRecordingName(name),
            let handle = FileHandle(forReadingAtPath: folder + "/" + name)
        else { return nil }
        defer { try? handle.close() }
        guard let data = try? handle.read(upToCount: self.maximumBytes) else { return nil }
        return [UInt8](data)
    }

    /// A JSON text rendered by the application, as it is when it parses (it may have been cut by the store's bound),
    /// else as a JSON string; `null` for none.
    static func jsonValue(_ text: String?) -> String {
        guard let text else { return "null" }
        if (try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])) != nil {
            return text
        }
        return JSONText.quoted(text)
    }

    static func messagesJSON(_ messages: [TraceRecord]) -> String {
        var w = JSONText()
        w.beginArray()
        for record in messages {
            let s = record.summary
            w.beginObject()
            w.field("id", record.id)
            w.field("time", UTCTime.rfc3339Microseconds(record.timestamp.nanosecondsSinceEpoch))
            w.field("direction", record.direction.rawValue)
            w.field("transport", record.transport.rawValue)
            w.field("local", record.local.description)
            w.field("remote", record.remote.description)
            w.field("kind", s.kind.rawValue)
            w.field("method", s.method)
            w.field("status", s.statusCode.map { Int64($0) })
            w.field("reason", s.reasonPhrase)
            w.field("request_uri", s.requestURI)
            w.field("call_id", s.callID)
            w.field("cseq", s.cseqNumber.map { Int64($0) })
            w.field("cseq_method", s.cseqMethod)
            w.field("from", s.fromURI)
            w.field("to", s.toURI)
            w.field("contact", s.contactURI)
            w.field("user_agent", s.userAgent)
            w.field("parse_error", s.parseErrorCode)
            w.field("bytes", Int64(record.raw.count))
            w.key("anomalies")
            w.beginArray()
            for anomaly in record.anomalies { w.string(anomaly.code) }
            w.endArray()
            w.endObject()
        }
        w.endArray()
        return w.output + "\n"
    }

    static func verdictsJSON(_ verdicts: [VerdictRecord]) -> String {
        var w = JSONText()
        w.beginArray()
        for record in verdicts {
            w.beginObject()
            w.field("id", record.id)
            w.field("time", UTCTime.rfc3339Microseconds(record.timestamp.nanosecondsSinceEpoch))
            w.field("transport", record.transport.rawValue)
            w.field("source", record.source.description)
            w.field("method", record.method)
            w.field("call_id", record.callID)
            w.field("cseq", record.cseqNumber)
            w.field("cseq_method", record.cseqMethod)
            w.field("verdict", record.winner)
            w.field("belief", record.winnerBelief)
            w.key("beliefs")
            w.beginObject()
            for entry in record.belief { w.field(entry.state, entry.belief) }
            w.endObject()
            w.field("alert", record.alert)
            w.key("explanation")
            w.raw(Self.jsonValue(record.explanationJSON))
            w.key("attack_labels")
            w.raw(Self.jsonValue(record.attackLabelsJSON))
            w.key("investigation")
            w.raw(Self.jsonValue(record.investigationJSON))
            w.endObject()
        }
        w.endArray()
        return w.output + "\n"
    }
}

/// Lower-case hexadecimal of bytes.
enum UtilityHex {
    static func byte(_ value: UInt8) -> String {
        let digits: [Character] = Array("0123456789abcdef")
        return String([digits[Int(value >> 4)], digits[Int(value & 0x0F)]])
    }
}
