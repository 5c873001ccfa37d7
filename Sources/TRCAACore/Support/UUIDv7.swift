import Foundation
import Glibc

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
    /// Random bits from the kernel's CSPRNG, fetched 4 KiB at a time: one system call per
    /// few hundred ids instead of one per id (an import stores a span id for every finding).
    nonisolated(unsafe) private static var pool = [UInt64](repeating: 0, count: 512)
    nonisolated(unsafe) private static var poolIndex = 512

    /// A new id from `date`, greater than every id this process made before and than `floor`.
    public static func next(at date: Date = Date(), after floor: String? = nil) -> String {
        let milliseconds = UInt64(max(0, date.timeIntervalSince1970 * 1000)) & 0xFFFF_FFFF_FFFF
        let value: Value = lock.withLock {
            let bits = random()
            let fresh = Value(milliseconds: milliseconds, high: bits >> 52, low: random() >> 2)
            var lowest = last
            if let floor, let parsed = parse(floor), lowest < parsed { lowest = parsed }
            last = fresh > lowest ? fresh : lowest.successor(step: random() | 1)
            return last
        }
        return format(value)
    }

    /// 64 random bits; call with the lock held.
    private static func random() -> UInt64 {
        if poolIndex == pool.count {
            pool.withUnsafeMutableBytes { arc4random_buf($0.baseAddress!, $0.count) }  // Safe: 4 KiB allocated.
            poolIndex = 0
        }
        poolIndex += 1
        return pool[poolIndex - 1]
    }

    static func format(_ value: Value) -> String {
        let digits = Array("0123456789abcdef".utf8)
        return String(unsafeUninitializedCapacity: 36) { buffer in
            var index = 0
            func put(_ number: UInt64, _ count: Int) {
                for shift in stride(from: (count - 1) * 4, through: 0, by: -4) {
                    buffer[index] = digits[Int(number >> UInt64(shift) & 0xF)]
                    index += 1
                }
            }
            func dash() {
                buffer[index] = UInt8(ascii: "-")
                index += 1
            }
            put(value.milliseconds >> 16, 8); dash()
            put(value.milliseconds & 0xFFFF, 4); dash()
            put(0x7000 | value.high, 4); dash()
            put(0x8000 | value.low >> 48, 4); dash()
            put(value.low & 0xFFFF_FFFF_FFFF, 12)
            return index
        }
    }

    static func parse(_ text: String) -> Value? {
        let digits = text.filter { $0 != "-" }
        guard digits.count == 32, let bits = UInt64(digits.prefix(16), radix: 16),
              let tail = UInt64(digits.suffix(16), radix: 16) else { return nil }
        return Value(milliseconds: bits >> 16, high: bits & 0x0FFF, low: tail & 0x3FFF_FFFF_FFFF_FFFF)
    }
}
