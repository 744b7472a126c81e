// libFuzzer target: one URI on its own (`SIPURI.parse` and `SIPURI.init?(_:)`), then every accessor read.

import FuzzSupport
import SIPCore

@_cdecl("LLVMFuzzerTestOneInput")
public func test(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = UnsafeRawBufferPointer(start: start, count: count)
    let (uri, anomalies) = SIPURI.parse(bytes)
    uri?.exerciseEveryAccessor()
    for anomaly in anomalies {
        blackHole(anomaly.description)
    }
    SIPURI(String(decoding: bytes, as: UTF8.self))?.exerciseEveryAccessor()
    return 0
}
