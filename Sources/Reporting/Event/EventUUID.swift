import Synchronization

/// Makes the ``HoneyphoneEvent/uuid`` of each event: RFC 4122 (RFC 9562) version 4 UUIDs in their lower-case
/// text form, from a random generator that tests replace to get deterministic events.
public struct EventUUID: Sendable {
    private let make: @Sendable () -> String

    /// A generator calling `make` for each UUID.
    public init(_ make: @escaping @Sendable () -> String) {
        self.make = make
    }

    /// The next UUID.
    public func next() -> String { self.make() }

    /// Version 4 UUIDs from the system's cryptographically secure generator.
    public static let random = EventUUID {
        var generator = SystemRandomNumberGenerator()
        return Self.version4(high: generator.next(), low: generator.next())
    }

    /// Version 4 UUIDs `00000000-0000-4000-8000-000000000001`, `…0002`, … counting from `start` (tests).
    public static func counting(from start: UInt64 = 1) -> EventUUID {
        let counter = Counter(start)
        return EventUUID { Self.version4(high: 0, low: counter.next()) }
    }

    /// The version 4 UUID text of 128 bits: the version nibble set to 4 and the variant bits to `10`
    /// (RFC 9562 §5.4), lower-case hexadecimal in 8-4-4-4-12 groups.
    public static func version4(high: UInt64, low: UInt64) -> String {
        let high = (high & 0xFFFF_FFFF_FFFF_0FFF) | 0x0000_0000_0000_4000
        let low = (low & 0x3FFF_FFFF_FFFF_FFFF) | 0x8000_0000_0000_0000
        func hex(_ value: UInt64, _ digits: Int) -> String {
            let text = String(value, radix: 16)
            return String(repeating: "0", count: max(0, digits - text.count)) + text
        }
        return hex(high >> 32, 8) + "-" + hex((high >> 16) & 0xFFFF, 4) + "-" + hex(high & 0xFFFF, 4) + "-"
            + hex(low >> 48, 4) + "-" + hex(low & 0xFFFF_FFFF_FFFF, 12)
    }

    private final class Counter: Sendable {
        let value: Mutex<UInt64>
        init(_ start: UInt64) { self.value = Mutex(start) }
        func next() -> UInt64 {
            self.value.withLock { value in
                defer { value &+= 1 }
                return value
            }
        }
    }
}
