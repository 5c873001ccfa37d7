import Foundation

/// Lowercase hyphenated UUIDv7 strings (RFC 9562), strictly increasing within the process.
///
/// Ids are compared as strings wherever order matters (the audit chain orders by timestamp,
/// then id), and lowercase hex of fixed width sorts like the number it spells. When the clock
/// has not moved, or moved back, the next id is the previous one plus a random step (RFC 9562's
/// "monotonic random"), so two ids made in the same millisecond never sort the wrong way
/// round and still differ early enough to keep short ids short.
public enum UUIDv7 {
    /// 48-bit Unix milliseconds and the 74 bits after them (12 of rand_a, 62 of rand_b).
    struct Value: Comparable, Equatable {
        var milliseconds: UInt64
        var high: UInt64  // 12 bits
        var low: UInt64  // 62 bits

        static func < (a: Value, b: Value) -> Bool {
            (a.milliseconds, a.high, a.low) < (b.milliseconds, b.high, b.low)
        }

        /// A value greater than this one by `step` (at least 1) across the 74 random bits,
        /// carrying into the milliseconds when they overflow.
        func successor(step: UInt64) -> Value {
            var next = self
            let sum = next.low + (step & (1 << 62 - 1))
            next.low = sum & (1 << 62 - 1)
            next.high += (step >> 62) + (sum >> 62)
            if next.high >= 1 << 12 {
                next.high -= 1 << 12
                next.milliseconds += 1
            }
            return next
        }
    }

    private static let lock = NSLock()
    nonisolated(unsafe) private static var last = Value(milliseconds: 0, high: 0, low: 0)

    /// A new id from `date`, greater than every id this process made before and than `floor`.
    public static func next(at date: Date = Date(), after floor: String? = nil) -> String {
        var generator = SystemRandomNumberGenerator()
        let fresh = Value(milliseconds: UInt64(max(0, date.timeIntervalSince1970 * 1000)) & 0xFFFF_FFFF_FFFF,
                          high: UInt64.random(in: 0..<(1 << 12), using: &generator),
                          low: UInt64.random(in: 0..<(1 << 62), using: &generator))
        let value: Value = lock.withLock {
            var lowest = last
            if let floor, let parsed = parse(floor), lowest < parsed { lowest = parsed }
            last = fresh > lowest ? fresh : lowest.successor(step: UInt64.random(in: 1...UInt64.max, using: &generator))
            return last
        }
        return format(value)
    }

    static func format(_ value: Value) -> String {
        let timeHex = hex(value.milliseconds, digits: 12)
        let randA = hex(0x7000 | value.high, digits: 4)
        let variantAndTop = hex(0x8000 | (value.low >> 48), digits: 4)
        let rest = hex(value.low & 0xFFFF_FFFF_FFFF, digits: 12)
        return "\(timeHex.prefix(8))-\(timeHex.suffix(4))-\(randA)-\(variantAndTop)-\(rest)"
    }

    static func parse(_ text: String) -> Value? {
        let digits = text.filter { $0 != "-" }
        guard digits.count == 32, let bits = UInt64(digits.prefix(16), radix: 16),
              let tail = UInt64(digits.suffix(16), radix: 16) else { return nil }
        return Value(milliseconds: bits >> 16, high: bits & 0x0FFF, low: tail & 0x3FFF_FFFF_FFFF_FFFF)
    }

    private static func hex(_ value: UInt64, digits: Int) -> String {
        let text = String(value, radix: 16)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}
