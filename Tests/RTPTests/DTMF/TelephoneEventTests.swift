import NIOCore
import RTP
import Testing

@Suite struct TelephoneEventTests {
    @Test func encodesAndDecodesThePayload() throws {
        let event = TelephoneEvent(event: 11, isEnd: true, volume: 10, duration: 800)
        var buffer = ByteBuffer()
        event.write(into: &buffer)
        #expect(Array(buffer.readableBytesView) == [11, 0x8A, 0x03, 0x20])
        #expect(try TelephoneEvent(parsing: buffer) == event)
        let parsed = try TelephoneEvent(parsing: ByteBuffer(bytes: [5, 0x7F, 0xFF, 0xFF, 0xAA]))
        #expect(parsed == TelephoneEvent(event: 5, isEnd: false, reserved: true, volume: 63, duration: 65_535))
        #expect(throws: RTPError.self) { try TelephoneEvent(parsing: ByteBuffer(bytes: [1, 2, 3])) }
    }

    @Test func mapsDigits() {
        let digits: [Character] = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "*", "#", "A", "B", "C", "D", "!"]
        for (event, digit) in digits.enumerated() {
            #expect(TelephoneEvent.digit(forEvent: UInt8(event)) == digit)
            #expect(TelephoneEvent.event(forDigit: digit) == UInt8(event))
        }
        #expect(TelephoneEvent.event(forDigit: "d") == 15)
        #expect(TelephoneEvent.event(forDigit: "x") == nil)
        #expect(TelephoneEvent.event(forDigit: "é") == nil)
        #expect(TelephoneEvent.digit(forEvent: 17) == nil)
    }

    @Test func theScheduleHasAStartUpdatesAndThreeEnds() {
        let schedule = TelephoneEventSchedule(event: 1)
        #expect(
            schedule.entries == [
                .init(offset: 0, marker: true, payload: .init(event: 1, duration: 400)),
                .init(offset: 400, marker: false, payload: .init(event: 1, duration: 800)),
                .init(offset: 800, marker: false, payload: .init(event: 1, isEnd: true, duration: 800)),
                .init(offset: 1_200, marker: false, payload: .init(event: 1, isEnd: true, duration: 800)),
                .init(offset: 1_600, marker: false, payload: .init(event: 1, isEnd: true, duration: 800)),
            ]
        )
        let long = TelephoneEventSchedule(event: 2, duration: 1_000, updateInterval: 400)
        #expect(long.entries.filter { !$0.payload.isEnd }.count == 3)
        #expect(long.entries.filter(\.marker).count == 1)
        #expect(long.entries.last?.payload.duration == 1_000)
    }

    @Test func theReceiverReportsEachDigitOnceFromAFullStream() {
        var receiver = TelephoneEventReceiver()
        var digits: [Character] = []
        for (index, digit) in "12#".enumerated() {
            let timestamp = UInt32(index * 8_000)
            for entry in TelephoneEventSchedule(event: TelephoneEvent.event(forDigit: digit)!).entries {
                for detected in receiver.received(entry.payload, timestamp: timestamp) {
                    #expect(detected.ended)
                    #expect(detected.duration == 800)
                    digits.append(detected.digit!)
                }
            }
        }
        #expect(digits == ["1", "2", "#"])
        #expect(receiver.finish() == nil)
    }

    @Test func theReceiverInfersAnEndWhenEndPacketsAreLost() {
        var receiver = TelephoneEventReceiver()
        #expect(receiver.received(.init(event: 4, duration: 400), timestamp: 100).isEmpty)
        #expect(receiver.received(.init(event: 4, duration: 800), timestamp: 100).isEmpty)
        // The next digit starts: 4 is reported without its end packet.
        let detected = receiver.received(.init(event: 5, duration: 400), timestamp: 2_000)
        #expect(detected.map(\.digit) == ["4"])
        #expect(detected.first?.ended == false)
        #expect(detected.first?.duration == 800)
        // A late update for 4 is ignored; the call ends with 5 in progress.
        #expect(receiver.received(.init(event: 4, duration: 1_200), timestamp: 100).isEmpty)
        #expect(receiver.finish()?.digit == "5")
        #expect(receiver.finish() == nil)
    }

    @Test func theReceiverHandlesAnEndOnlyAndReorderedPackets() {
        var receiver = TelephoneEventReceiver()
        let endOnly = receiver.received(.init(event: 9, isEnd: true, duration: 640), timestamp: 50)
        #expect(endOnly.map(\.digit) == ["9"])
        #expect(receiver.received(.init(event: 9, duration: 320), timestamp: 50).isEmpty)  // reordered update
        #expect(receiver.received(.init(event: 9, isEnd: true, duration: 640), timestamp: 50).isEmpty)
        // The same digit pressed again has a new timestamp and is reported again.
        #expect(receiver.received(.init(event: 9, isEnd: true, duration: 640), timestamp: 9_000).count == 1)
    }
}
