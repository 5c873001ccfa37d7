/// The per-line half of mining (`PatternMiner.add` does the rest), for the lines of one stream:
/// where each line's message starts (`HeaderLayouts`), the hash of its masked tokens
/// (`MessageKey`) and its level (`LogLevel`), with the readings of lines already read kept by
/// their shape.
///
/// A line's shape is its length and bytes, any digit standing for any digit. Its message
/// start depends on its digits only through the time tests its reading made
/// (`HeaderLayouts`), and its key's hash only through the digits of literal words
/// (`MessageToken.isLiteralWithDigit`): a line of a kept shape whose times read as that
/// reading's did gets its message start, and its hash too unless that hash read digits; its
/// level always (`LogLevel.classify` reads letters and where words start, not digits). Most
/// lines of a log repeat a few shapes; such a line costs a hash of its bytes, not a reading.
///
/// The table holds one reading per slot, the slot chosen by the shape's top bits; a new shape
/// takes its slot from the one there. So a shape that keeps coming stays until a new one
/// lands on its slot, however many shapes a log's one-off lines bring.
struct LineReader {
    /// Table slots.
    private static let slots = 4096

    private var layouts = HeaderLayouts()
    /// Shapes by slot (0: empty) and their readings; allocated with the first line read.
    private var shapes: [UInt64] = []
    private var readings: [Reading] = []
    /// The time tests of the kept readings (`Reading.tests`), and of readings replaced since
    /// the last `compactTests`, which runs when there are `testsLimit`: twice as many as it
    /// kept, so that it runs once in many readings however many tests those keep.
    private var tests: [TimeTest] = []
    private var testsLimit = 4 * slots
    /// The time tests of the last line read (`HeaderLayouts.messageStart`).
    private var checks: [TimeCheck] = []

    /// Where the message of `line` (without its newline) starts and its key's hash.
    mutating func read(_ line: UnsafeBufferPointer<UInt8>) -> LineKey {
        let shape = Self.shape(line)
        if shapes.isEmpty { allocate() }
        let slot = Int(truncatingIfNeeded: shape >> UInt64(64 - Self.slots.trailingZeroBitCount))
        if shapes[slot] == shape, timesRead(readings[slot], line) {
            let reading = readings[slot]
            return reading.readsDigits ? Self.key(line, from: reading.key.messageStart, level: reading.key.level).key : reading.key
        }
        checks.removeAll(keepingCapacity: true)
        let (key, readsDigits) = Self.key(line, from: layouts.messageStart(line, &checks),
                                          level: LogLevel.classify(UnsafeRawBufferPointer(line)))
        // A line of the kept shape whose times read otherwise leaves the reading kept.
        guard shapes[slot] != shape else { return key }
        if tests.count + checks.count > testsLimit { compactTests() }
        let first = tests.count
        // A test whose answer depends only on where digits are gives it again on a line of the shape.
        for check in checks {
            if check.isTime, let clock = check.token.clock(line) {
                tests.append(TimeTest(check: check, clock: clock))
            } else if check.token.readsDigitValues(line) {
                tests.append(TimeTest(check: check, clock: nil))
            }
        }
        (shapes[slot], readings[slot]) = (shape, Reading(key: key, tests: first..<tests.count, readsDigits: readsDigits))
        return key
    }

    /// A kept reading: the line's key, its time tests that read digits' values, and whether
    /// the key's hash read digits.
    private struct Reading {
        var key: LineKey
        var tests: Range<Int>
        var readsDigits: Bool
    }

    /// A time test of a kept reading, and where the token's clock was when it had one: a line
    /// of the shape whose clock there is a time reads as one, with no need to look further.
    private struct TimeTest {
        var check: TimeCheck
        var clock: Int?

        func passes(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
            if let clock, check.token.isClock(line, at: clock) { return true }
            return check.token.readsAsTime(line) == check.isTime
        }
    }

    private static func key(_ line: UnsafeBufferPointer<UInt8>, from messageStart: Int, level: LogLevel) -> (key: LineKey, readsDigits: Bool) {
        let (hash, count, readsDigits) = MessageKey.hash(UnsafeBufferPointer(rebasing: line[messageStart...]))
        return (LineKey(messageStart: messageStart, hash: hash ^ (UInt64(count) &* 0x9e37_79b9_7f4a_7c15), level: level), readsDigits)
    }

    /// Whether the times of `line` read as those of the line `reading` was made from.
    private func timesRead(_ reading: Reading, _ line: UnsafeBufferPointer<UInt8>) -> Bool {
        reading.tests.allSatisfy { tests[$0].passes(line) }
    }

    private mutating func allocate() {
        shapes = [UInt64](repeating: 0, count: Self.slots)
        readings = [Reading](repeating: Reading(key: LineKey(messageStart: 0, hash: 0, level: .none), tests: 0..<0, readsDigits: false),
                             count: Self.slots)
    }

    /// Drops the time tests of replaced readings: those of the kept ones move to the front.
    private mutating func compactTests() {
        var kept: [TimeTest] = []
        kept.reserveCapacity(tests.count)
        for slot in readings.indices where shapes[slot] != 0 {
            let range = readings[slot].tests
            readings[slot].tests = kept.count..<(kept.count + range.count)
            kept += tests[range]
        }
        tests = kept
        testsLimit = max(4 * Self.slots, 2 * kept.count)
    }

    /// The line's length and bytes, any digit as `0`, hashed sixteen bytes at a time with one
    /// multiplication (as wyhash does; never 0).
    private static func shape(_ line: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash = UInt64(line.count) &+ 0x243f_6a88_85a3_08d3
        guard let base = line.baseAddress else { return hash | 1 }
        var offset = 0
        while offset + 16 <= line.count {
            hash = mix(hash, Lanes.load(base + offset), Lanes.load(base + offset + 8))
            offset += 16
        }
        // The last bytes: the line's last sixteen when it has sixteen, else all of it zero-filled.
        if offset < line.count {
            hash = line.count >= 16 ? mix(hash, Lanes.load(base + line.count - 16), Lanes.load(base + line.count - 8))
                : mix(hash, Lanes.load(line, from: 0), line.count > 8 ? Lanes.load(line, from: 8) : 0)
        }
        return hash | 1
    }

    @inline(__always) private static func mix(_ hash: UInt64, _ first: UInt64, _ second: UInt64) -> UInt64 {
        // The low four bits of each digit cleared (0x80 over each digit, to 0x0f).
        let masked = { (bytes: UInt64) in bytes & ~(Lanes.digits(bytes) >> 7 &* 0x0f) }
        let product = (masked(first) ^ 0xa076_1d64_78bd_642f).multipliedFullWidth(by: masked(second) ^ hash)
        return product.high ^ product.low
    }
}
