public import Agent
import Foundation
public import Logging
public import Media
import NIOCore
import RTP
import Recon
import Storage
import Synchronization

/// Runs the media of the honeyphone's calls for the stack (``CallMediaHandler``): one ``MediaSession`` per
/// answered call on the RTP port of the honeypot's SDP, the profile's `OpPlayFile`, `OpRecord` and DTMF, and, when
/// the call ends, its recordings and its RTP packets written to `DATA/recordings`:
///
/// - `call-<n>-caller.wav`, `call-<n>-honeypot.wav`: the two directions, 8 kHz mono (n counts the run's calls;
///   no file name is ever taken from the call);
/// - `call-<n>-rtp.pcap`: every RTP/RTCP datagram of the call (at most ``maximumPacketsPerCall``), beside the
///   SIP messages of the trace store (`honeyphone traces --call-id … --pcap`);
/// - `index.jsonl`: one line per call: `n`, Call-ID, the files, packet and digit counts.
///
/// Audio files named by a profile are looked up in the media folders in order; an `.mp3` name resolves to the
/// `.wav` of the same base name. Received RFC 4733 digits go back to the call's controller as DTMF events.
public final class MediaCoordinator: CallMediaHandler {
    enum Slot {
        case opening(number: Int, queued: [MediaCommand])
        case open(number: Int, session: MediaSession)
    }

    /// The most media commands queued while a session opens.
    static let maximumQueued = 16
    /// The most RTP/RTCP packets kept per call for its pcap.
    public static let maximumPacketsPerCall = 30_000

    let engine: MediaEngine
    let mediaFolders: [String]
    let recordingsFolder: String
    let logger: Logger
    let slots = Mutex<[DialogID: Slot]>([:])
    let packets = Mutex<[UInt64: [TraceRecord]]>([:])
    let counter = Mutex(0)
    let deliverDigit: @Sendable (Character, DialogID) -> Void

    /// A coordinator over `engine`; audio files are looked up in `mediaFolders`; `deliverDigit` hands received
    /// digits to the stack (``SIPStack/deliverDigit(_:dialog:)``).
    public init(
        engine: MediaEngine,
        mediaFolders: [String],
        recordingsFolder: String,
        logger: Logger,
        deliverDigit: @escaping @Sendable (Character, DialogID) -> Void
    ) {
        self.engine = engine
        self.mediaFolders = mediaFolders
        self.recordingsFolder = recordingsFolder
        self.logger = logger
        self.deliverDigit = deliverDigit
    }

    public func start(_ id: DialogID, _ setup: MediaSetup) {
        let number = self.counter.withLock {
            $0 += 1
            return $0
        }
        self.slots.withLock { $0[id] = .opening(number: number, queued: []) }
        Task { await self.open(id, setup, number: number) }
    }

    public func command(_ id: DialogID, _ command: MediaCommand) {
        let session: MediaSession? = self.slots.withLock { slots in
            switch slots[id] {
            case .opening(let number, var queued)?:
                if queued.count < Self.maximumQueued { queued.append(command) }
                slots[id] = .opening(number: number, queued: queued)
                return nil
            case .open(_, let session)?:
                return session
            case nil:
                return nil
            }
        }
        if let session { self.apply(command, to: session, call: id) }
    }

    public func stop(_ id: DialogID) {
        guard let slot = self.slots.withLock({ $0.removeValue(forKey: id) }) else { return }
        guard case .open(let number, let session) = slot else { return }  // still opening: open() closes it
        Task { await self.close(session, number: number, call: id) }
    }

    /// Stops every open session (shutdown).
    public func stopAll() async {
        let open = self.slots.withLock { slots -> [(DialogID, Int, MediaSession)] in
            defer { slots = [:] }
            return slots.compactMap { id, slot in
                if case .open(let number, let session) = slot { return (id, number, session) }
                return nil
            }
        }
        for (id, number, session) in open { await self.close(session, number: number, call: id) }
    }

    func open(_ id: DialogID, _ setup: MediaSetup, number: Int) async {
        var remote: SocketAddress?
        if let address = setup.remoteAddress, let port = setup.remotePort, (1...65_535).contains(port) {
            remote = try? SocketAddress(ipAddress: address, port: port)
        }
        let parameters = MediaSession.Parameters(
            remoteRTPAddress: remote,
            codec: setup.payloadType == 8 ? .aLaw : .muLaw,
            audioPayloadType: setup.payloadType,
            telephoneEventPayloadType: setup.telephoneEventPayloadType
        )
        let session: MediaSession
        do {
            session = try await self.engine.makeSession(
                parameters,
                port: Int(setup.localPort),
                host: setup.localAddress,
                observer: { [weak self] event in self?.keep(event) },
                onDigit: { [weak self] detected in
                    if let digit = detected.digit { self?.deliverDigit(digit, id) }
                }
            )
        } catch {
            self.slots.withLock { _ = $0.removeValue(forKey: id) }
            self.logger.warning(
                "media session not opened",
                metadata: ["sip.call_id": "\(id.callID.prefix(80))", "honeyphone.media.error": "\(error)"]
            )
            return
        }
        let queued: [MediaCommand]? = self.slots.withLock { slots in
            guard case .opening(_, let queued)? = slots[id] else { return nil }
            slots[id] = .open(number: number, session: session)
            return queued
        }
        guard let queued else {
            // The call ended while the session opened.
            await self.close(session, number: number, call: id)
            return
        }
        self.logger.info(
            "media session open",
            metadata: ["sip.call_id": "\(id.callID.prefix(80))", "honeyphone.media.port": "\(session.rtpPort)"]
        )
        for command in queued { self.apply(command, to: session, call: id) }
    }

    func apply(_ command: MediaCommand, to session: MediaSession, call id: DialogID) {
        switch command {
        case .play(let file, let limit):
            let folders = self.mediaFolders
            let logger = self.logger
            Task {
                do {
                    let path = try MediaFiles.resolveAudioFile(named: file, in: folders)
                    let samples = try await MediaFiles.loadSamples(path: path)
                    let milliseconds = limit.map {
                        Int($0.components.seconds * 1_000 + $0.components.attoseconds / 1_000_000_000_000_000)
                    }
                    _ = session.startPlayback(
                        samples,
                        duration: milliseconds,
                        endOfFile: milliseconds == nil ? .stop : .loop
                    )
                } catch {
                    logger.warning(
                        "media file not played",
                        metadata: ["sip.call_id": "\(id.callID.prefix(80))", "honeyphone.media.error": "\(error)"]
                    )
                }
            }
        case .stopPlay:
            session.stopPlayback()
        case .record:
            session.setRecording(true)
        case .stopRecord:
            session.setRecording(false)
        case .sendDTMF(let digits):
            Task { try? await session.sendDigits(digits) }
        }
    }

    func keep(_ event: MediaPacketEvent) {
        guard let remote = event.remote.ipAddress, let remotePort = event.remote.port else { return }
        let record = TraceRecord(
            timestamp: TraceTimestamp(nanosecondsSinceEpoch: event.nanosecondsSinceEpoch),
            direction: event.direction == .received ? .received : .sent,
            transport: .udp,
            local: TraceEndpoint(address: event.local?.ipAddress ?? "0.0.0.0", port: UInt16(event.local?.port ?? 0)),
            remote: TraceEndpoint(address: remote, port: UInt16(remotePort)),
            raw: Array(event.bytes.readableBytesView),
            summary: TraceSummary(kind: .unparsed, parseErrorCode: event.kind.rawValue)
        )
        self.packets.withLock { kept in
            if kept[event.sessionID, default: []].count < Self.maximumPacketsPerCall {
                kept[event.sessionID, default: []].append(record)
            }
        }
    }

    func close(_ session: MediaSession, number: Int, call id: DialogID) async {
        let statistics = try? await session.stop()
        let packets = self.packets.withLock { $0.removeValue(forKey: session.id) } ?? []
        let base = "call-\(number)"
        var files: [String] = []
        do {
            try FileManager.default.createDirectory(atPath: self.recordingsFolder, withIntermediateDirectories: true)
            let recorder = try await session.recording()
            if recorder.statistics(.received).recordedPackets + recorder.statistics(.sent).recordedPackets > 0 {
                files = try await MediaFiles.writeRecordings(recorder, directory: self.recordingsFolder, baseName: base)
            }
            if !packets.isEmpty {
                let path = self.recordingsFolder + "/" + base + "-rtp.pcap"
                try PcapWriter.write(packets, toFile: path)
                files.append(path)
            }
        } catch {
            self.logger.warning(
                "media files not written",
                metadata: ["sip.call_id": "\(id.callID.prefix(80))", "honeyphone.media.error": "\(error)"]
            )
        }
        let line =
            "{\"call\":\(number),\"callID\":" + ReportRenderer.jsonString(id.callID) + ",\"files\":["
            + files.map { ReportRenderer.jsonString(($0 as NSString).lastPathComponent) }.joined(separator: ",") + "],"
            + "\"rtpReceived\":\(statistics?.rtpReceived ?? 0),\"rtpSent\":\(statistics?.rtpSent ?? 0),"
            + "\"digitsReceived\":\(statistics?.digitsReceived ?? 0)}\n"
        if let handle = FileHandle(forWritingAtPath: self.recordingsFolder + "/index.jsonl")
            ?? {
                _ = FileManager.default.createFile(atPath: self.recordingsFolder + "/index.jsonl", contents: nil)
                return FileHandle(forWritingAtPath: self.recordingsFolder + "/index.jsonl")
            }()
        {
            handle.seekToEndOfFile()
            handle.write(Data(line.utf8))
            try? handle.close()
        }
        self.logger.info(
            "media session closed",
            metadata: [
                "sip.call_id": "\(id.callID.prefix(80))", "honeyphone.media.files": "\(files.count)",
                "honeyphone.media.rtp_received": "\(statistics?.rtpReceived ?? 0)",
            ]
        )
    }
}
