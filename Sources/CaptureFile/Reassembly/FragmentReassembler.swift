import NIOCore

/// Rebuilds IP datagrams from their fragments (RFC 791 §3.2, RFC 8200 §4.5), bounded in datagrams, fragments and
/// bytes.
///
/// Fragments of one datagram share source, destination, protocol and identification. Overlapping fragments
/// (RFC 5722 forbids them for IPv6; for IPv4 they are a known evasion trick) make the whole datagram be dropped, as
/// do conflicting ends and datagrams over ``CaptureFileLimits/maximumReassembledLength``. Without a clock there is
/// no reassembly timeout: when ``CaptureFileLimits/maximumFragmentedDatagrams`` are pending, the oldest is dropped.
struct FragmentReassembler {
    /// What identifies the fragments of one datagram.
    struct Key: Hashable {
        /// The sender.
        var source: IPAddress
        /// The receiver.
        var destination: IPAddress
        /// The upper-layer protocol.
        var transport: UInt8
        /// The IP identification.
        var identification: UInt32
    }

    /// A datagram being rebuilt.
    struct Pending {
        /// The fragments received, each with its offset.
        var pieces: [(offset: Int, bytes: ByteBuffer)] = []
        /// The payload length, known once the last fragment (MF clear) arrived.
        var length: Int?
        /// The bytes received so far (no overlaps, so the bytes covered).
        var received = 0
        /// When the first fragment arrived, in insertions, for evicting the oldest.
        var arrival: Int
    }

    /// The outcome of adding one fragment.
    enum Outcome {
        /// The datagram is complete: its whole upper-layer payload.
        case complete(ByteBuffer)
        /// More fragments are needed.
        case pending
        /// This fragment made its datagram (or another, evicted for room) be dropped.
        case dropped
    }

    private var pending: [Key: Pending] = [:]
    private var arrivals = 0
    private let limits: CaptureFileLimits

    /// An empty reassembler with `limits`.
    init(limits: CaptureFileLimits) {
        self.limits = limits
    }

    /// Adds a fragment; `evicted` counts datagrams dropped to make room.
    mutating func add(
        _ bytes: ByteBuffer,
        offset: Int,
        more: Bool,
        key: Key,
        evicted: inout Int
    ) -> Outcome {
        let end = offset + bytes.readableBytes
        if self.pending[key] == nil {
            if self.pending.count >= max(1, self.limits.maximumFragmentedDatagrams),
                let oldest = self.pending.min(by: { $0.value.arrival < $1.value.arrival })?.key
            {
                self.pending[oldest] = nil
                evicted += 1
            }
            self.arrivals += 1
            self.pending[key] = Pending(arrival: self.arrivals)
        }
        guard var datagram = self.pending[key] else {
            return .dropped
        }
        let overlaps = datagram.pieces.contains { $0.offset < end && offset < $0.offset + $0.bytes.readableBytes }
        let conflictingEnd = !more && datagram.length != nil && datagram.length != end
        let pastEnd = datagram.length.map { end > $0 } ?? false
        guard end <= self.limits.maximumReassembledLength, !overlaps, !conflictingEnd, !pastEnd,
            datagram.pieces.count < self.limits.maximumFragmentsPerDatagram
        else {
            self.pending[key] = nil
            return .dropped
        }
        datagram.pieces.append((offset, bytes))
        datagram.received += bytes.readableBytes
        if !more {
            datagram.length = end
        }
        guard let length = datagram.length, datagram.received == length else {
            self.pending[key] = datagram
            return .pending
        }
        self.pending[key] = nil
        var whole = ByteBuffer()
        whole.reserveCapacity(length)
        for piece in datagram.pieces.sorted(by: { $0.offset < $1.offset }) {
            whole.writeImmutableBuffer(piece.bytes)
        }
        return .complete(whole)
    }
}
