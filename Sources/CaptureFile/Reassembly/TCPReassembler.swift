import NIOCore

/// Puts each direction of each TCP connection back in sequence order (RFC 9293 §3.4), bounded in flows, bytes
/// and segments, and hands out the bytes as soon as they are contiguous.
///
/// A flow starts at its SYN (the stream begins at ISN + 1) or, for a connection already open when the capture
/// started, at the first segment with data. Data behind the next expected sequence number is a retransmission and is
/// not handed out twice; data ahead of it waits, in at most ``CaptureFileLimits/maximumSegmentsPerFlow`` segments and
/// ``CaptureFileLimits/maximumFlowBufferBytes`` bytes, and data reaching beyond that window is dropped and counted.
/// A gap that never fills holds everything behind it: that is the price of in-order output. RST forgets the flow;
/// FIN forgets it once nothing is waiting.
struct TCPReassembler {
    /// One direction of one connection.
    struct Key: Hashable {
        /// The sender.
        var source: IPAddress
        /// The sender's port.
        var sourcePort: UInt16
        /// The receiver.
        var destination: IPAddress
        /// The receiver's port.
        var destinationPort: UInt16
    }

    /// The state of one direction.
    struct Flow {
        /// The sequence number of the next byte to hand out; `nil` until a SYN or data arrives.
        var next: UInt32?
        /// Segments ahead of `next`, with their first sequence number.
        var waiting: [(sequence: UInt32, bytes: ByteBuffer)] = []
        /// The bytes in `waiting`.
        var waitingBytes = 0
        /// When the flow last saw a segment, in segments, for evicting the least recently seen.
        var lastSeen: Int
        /// Whether a FIN was seen.
        var finished = false
    }

    /// The TCP header fields the reassembler needs.
    struct Segment {
        /// The sequence number of the first byte (of the SYN, when set).
        var sequence: UInt32
        /// SYN: the stream starts at `sequence + 1`.
        var syn: Bool
        /// FIN: the sender is done.
        var fin: Bool
        /// RST: the connection is gone.
        var rst: Bool
        /// The segment's data.
        var payload: ByteBuffer
    }

    private var flows: [Key: Flow] = [:]
    private var clock = 0
    private let limits: CaptureFileLimits

    /// No flows yet.
    init(limits: CaptureFileLimits) {
        self.limits = limits
    }

    /// Takes one segment; returns the stream bytes it made contiguous, if any.
    mutating func add(_ segment: Segment, key: Key, statistics: inout CaptureStatistics) -> ByteBuffer? {
        self.clock += 1
        if segment.rst {
            self.flows[key] = nil
            return nil
        }
        var flow = self.flows[key] ?? self.newFlow(statistics: &statistics)
        flow.lastSeen = self.clock
        var sequence = segment.sequence
        if segment.syn {
            sequence &+= 1
            flow.next = sequence
            flow.waiting = []
            flow.waitingBytes = 0
        }
        flow.finished = flow.finished || segment.fin
        var output: ByteBuffer?
        if segment.payload.readableBytes > 0 {
            let next = flow.next ?? sequence
            flow.next = next
            output = Self.accept(
                segment.payload,
                at: sequence,
                into: &flow,
                limits: self.limits,
                statistics: &statistics
            )
        }
        if flow.finished, flow.waiting.isEmpty {
            self.flows[key] = nil
        } else {
            self.flows[key] = flow
        }
        return output
    }

    private mutating func newFlow(statistics: inout CaptureStatistics) -> Flow {
        let maximum = max(1, self.limits.maximumFlows)
        if self.flows.count >= maximum {
            // Forget the least recently seen eighth at once, so that eviction costs O(log n) per new flow amortised.
            let victims = self.flows.sorted { $0.value.lastSeen < $1.value.lastSeen }.prefix(max(1, maximum / 8))
            for victim in victims {
                self.flows[victim.key] = nil
            }
            statistics.flowsEvicted += victims.count
        }
        return Flow(lastSeen: self.clock)
    }

    /// Places `payload` (starting at `sequence`) and returns what became contiguous.
    private static func accept(
        _ payload: ByteBuffer,
        at sequence: UInt32,
        into flow: inout Flow,
        limits: CaptureFileLimits,
        statistics: inout CaptureStatistics
    ) -> ByteBuffer? {
        guard let next = flow.next else {
            return nil
        }
        let count = payload.readableBytes
        let delta = Int(Int32(bitPattern: sequence &- next))
        guard delta > 0 else {
            guard delta + count > 0 else {
                statistics.tcpBytesRetransmitted += count
                return nil
            }
            statistics.tcpBytesRetransmitted += -delta
            var output = payload.getSlice(at: payload.readerIndex - delta, length: count + delta) ?? ByteBuffer()
            flow.next = next &+ UInt32(count + delta)
            Self.drain(&flow, into: &output, statistics: &statistics)
            return output
        }
        guard delta + count <= limits.maximumFlowBufferBytes,
            flow.waitingBytes + count <= limits.maximumFlowBufferBytes,
            flow.waiting.count < limits.maximumSegmentsPerFlow
        else {
            statistics.tcpBytesDropped += count
            return nil
        }
        flow.waiting.append((sequence, payload))
        flow.waitingBytes += count
        return nil
    }

    /// Appends every waiting segment that now starts at or before `flow.next`, trimming what was already handed out.
    private static func drain(_ flow: inout Flow, into output: inout ByteBuffer, statistics: inout CaptureStatistics) {
        var progressed = true
        while progressed, !flow.waiting.isEmpty, let next = flow.next {
            progressed = false
            for (index, waiting) in flow.waiting.enumerated() {
                let delta = Int(Int32(bitPattern: waiting.sequence &- next))
                guard delta <= 0 else {
                    continue
                }
                flow.waiting.remove(at: index)
                let count = waiting.bytes.readableBytes
                flow.waitingBytes -= count
                if delta + count > 0 {
                    statistics.tcpBytesRetransmitted += -delta
                    if let fresh = waiting.bytes.getSlice(
                        at: waiting.bytes.readerIndex - delta,
                        length: count + delta
                    ) {
                        output.writeImmutableBuffer(fresh)
                    }
                    flow.next = next &+ UInt32(count + delta)
                } else {
                    statistics.tcpBytesRetransmitted += count
                }
                progressed = true
                break
            }
        }
    }
}
