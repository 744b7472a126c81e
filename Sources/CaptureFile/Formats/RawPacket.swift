import NIOCore

/// One captured frame as a file format hands it over: when, on which link type, and the bytes.
struct RawPacket {
    /// Nanoseconds since the Unix epoch, when known and representable.
    var timestamp: Int64?
    /// The link type of the interface (tcpdump.org `linktypes.html`).
    var linkType: UInt32
    /// The captured bytes (a slice of the file).
    var frame: ByteBuffer
}

/// Seconds and a fraction in `unitsPerSecond` to nanoseconds, or `nil` when the result does not fit an `Int64`.
func nanoseconds(seconds: UInt64, fraction: UInt64, unitsPerSecond: UInt64, offsetSeconds: Int64 = 0) -> Int64? {
    let billion: UInt64 = 1_000_000_000
    let (high, low) = fraction.multipliedFullWidth(by: billion)
    guard unitsPerSecond > 0, high < unitsPerSecond else {
        return nil
    }
    let fractionNanoseconds = unitsPerSecond.dividingFullWidth((high, low)).quotient
    let (whole, overflow) = seconds.multipliedReportingOverflow(by: billion)
    guard !overflow, whole <= UInt64(Int64.max) - fractionNanoseconds else {
        return nil
    }
    let (offset, offsetOverflow) = offsetSeconds.multipliedReportingOverflow(by: Int64(billion))
    let (total, totalOverflow) = Int64(whole + fractionNanoseconds).addingReportingOverflow(offset)
    guard !offsetOverflow, !totalOverflow else {
        return nil
    }
    return total
}
