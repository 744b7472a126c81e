import CaptureFile
import Foundation
import NIOCore
public import SIPCore
import Storage

/// One request read from a `.sip` file, a capture or the trace store, with where it came from.
public struct InputMessage: Sendable {
    /// The file or folder it was read from.
    public var origin: String
    /// Its 1-based ordinal among the SIP messages of its input (a capture's "frame index" in labels files).
    public var index: Int
    /// The message.
    public var message: SIPMessage
    /// The source address (the packet's, or for a lone `.sip` file the top Via's sent-by host).
    public var source: String
    /// The destination `address:port`, when known.
    public var target: String?
    /// When it was captured, in nanoseconds since the epoch, when known.
    public var timestamp: Int64?
}

/// Reads the inputs of `classify`, `learn` and `evaluate`.
///
/// - A capture (recognised by its magic: pcap `A1B2C3D4`/`A1B23C4D` in either order, pcapng `0A0D0D0A`): UDP
///   payloads parse as datagrams; each TCP direction is framed with `SIPStreamDecoder` (a direction that cannot
///   be framed is abandoned and counted).
/// - Any other file: one SIP message as a datagram carries it (at most 65,535 bytes).
/// - A data folder (``loadTraces(folder:)``): the received messages of its trace store, oldest first.
///
/// Responses and unparsable payloads are skipped and counted.
public enum AnalysisInput {
    /// The most bytes read from one capture (1 GiB).
    public static let maximumCaptureBytes = 1 << 30

    /// Messages of a file, and how many payloads were skipped (responses, unparsable).
    public static func load(path: String) throws(AnalysisError) -> (messages: [InputMessage], skipped: Int) {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path), options: .mappedIfSafe)
        } catch {
            throw .unreadable(path, error)
        }
        guard data.count <= Self.maximumCaptureBytes else {
            throw .invalidInput("\(path): larger than \(Self.maximumCaptureBytes) bytes")
        }
        let bytes = [UInt8](data)
        if Self.isCapture(bytes) { return try Self.capture(bytes, path: path) }
        let message: SIPMessage
        do {
            message = try SIPMessageParser.parseDatagram(bytes)
        } catch {
            throw .invalidInput("\(path): not a SIP message: \(error.code)")
        }
        guard message.isRequest else { return ([], 1) }
        let source = message.vias.first.map { $0.host.text } ?? "0.0.0.0"
        return ([InputMessage(origin: path, index: 1, message: message, source: source, target: nil)], 0)
    }

    /// The received requests of the trace store in `folder` (`traces.sqlite`), oldest first.
    public static func loadTraces(
        folder: String
    ) async throws(AnalysisError) -> (
        messages: [InputMessage], skipped: Int
    ) {
        let path = folder + "/traces.sqlite"
        guard FileManager.default.fileExists(atPath: path) else {
            throw .unreadable(path, AnalysisError.invalidInput("no trace store"))
        }
        let records: [TraceRecord]
        do {
            let store = try SQLiteTraceStore(path: path)
            records = try await store.query(TraceQuery(direction: .received, limit: nil))
        } catch {
            throw .unreadable(path, error)
        }
        var messages: [InputMessage] = []
        var skipped = 0
        for (offset, record) in records.enumerated() {
            guard let message = try? SIPMessageParser.parseDatagram(record.raw), message.isRequest else {
                skipped += 1
                continue
            }
            messages.append(
                InputMessage(
                    origin: path,
                    index: offset + 1,
                    message: message,
                    source: record.remote.address,
                    target: record.local.description,
                    timestamp: record.timestamp.nanosecondsSinceEpoch
                )
            )
        }
        return (messages, skipped)
    }

    static func isCapture(_ bytes: [UInt8]) -> Bool {
        guard bytes.count >= 4 else { return false }
        let magic = bytes.prefix(4)
        let known: [[UInt8]] = [
            [0xA1, 0xB2, 0xC3, 0xD4], [0xD4, 0xC3, 0xB2, 0xA1], [0xA1, 0xB2, 0x3C, 0x4D], [0x4D, 0x3C, 0xB2, 0xA1],
            [0x0A, 0x0D, 0x0D, 0x0A],
        ]
        return known.contains { $0.elementsEqual(magic) }
    }

    static func capture(
        _ bytes: [UInt8],
        path: String
    ) throws(AnalysisError) -> (
        messages: [InputMessage], skipped: Int
    ) {
        var reader: CaptureFileReader
        do {
            reader = try CaptureFileReader(bytes: ByteBuffer(bytes: bytes))
        } catch {
            throw .invalidInput("\(path): \(error)")
        }
        var messages: [InputMessage] = []
        var skipped = 0
        var streams: [String: (decoder: SIPStreamDecoder, buffer: ByteBuffer)] = [:]
        var broken: Set<String> = []
        var ordinal = 0
        func add(_ message: SIPMessage, _ payload: CapturedPayload) {
            ordinal += 1
            guard message.isRequest else {
                skipped += 1
                return
            }
            messages.append(
                InputMessage(
                    origin: path,
                    index: ordinal,
                    message: message,
                    source: payload.source.address,
                    target: payload.destination.description,
                    timestamp: payload.timestamp
                )
            )
        }
        while true {
            let next: CapturedPayload?
            do {
                next = try reader.next()
            } catch {
                throw .invalidInput("\(path): \(error)")
            }
            guard let payload = next else { break }
            switch payload.transport {
            case .udp:
                guard let message = try? SIPMessageParser.parseDatagram(payload.bytes) else {
                    skipped += 1
                    continue
                }
                add(message, payload)
            case .tcp:
                let key = "\(payload.source)>\(payload.destination)"
                guard !broken.contains(key) else { continue }
                var flow = streams[key] ?? (SIPStreamDecoder(), ByteBuffer())
                var incoming = payload.bytes
                flow.buffer.writeBuffer(&incoming)
                do {
                    while let message = try flow.decoder.decode(buffer: &flow.buffer) { add(message, payload) }
                    flow.buffer.discardReadBytes()
                    streams[key] = flow
                } catch {
                    skipped += 1
                    broken.insert(key)
                    streams[key] = nil
                }
            }
        }
        return (messages, skipped)
    }
}
