import Glibc

/// A read-only view of UTF-8 bytes for the detectors: out-of-range reads give 0, so a
/// detector can look one byte before or after a candidate without bounds checks.
struct ByteText {
    let base: UnsafePointer<UInt8>
    let count: Int
    /// `ByteClass.table`, held here so the hot loops do not go through the lazy global's guard.
    private let classes: UnsafePointer<UInt16>

    init(_ buffer: UnsafeRawBufferPointer) {
        // Safe: an empty buffer may have no base address; any valid pointer with count 0 works.
        base = buffer.baseAddress?.assumingMemoryBound(to: UInt8.self) ?? UnsafePointer(bitPattern: 1)!
        count = buffer.count
        classes = ByteClass.tablePointer
    }

    @inline(__always) subscript(index: Int) -> UInt8 {
        // One unsigned comparison: a negative index is a huge unsigned one.
        UInt(bitPattern: index) < UInt(bitPattern: count) ? base[index] : 0
    }

    @inline(__always) func has(_ flag: ByteClass, at index: Int) -> Bool {
        `is`(self[index], flag)
    }

    /// Whether `byte`, read before, is of `flag`: `has(_:at:)` without reading it again.
    @inline(__always) func `is`(_ byte: UInt8, _ flag: ByteClass) -> Bool {
        classes[Int(byte)] & flag.rawValue != 0
    }

    /// Whether the ASCII bytes of `word` (lowercase) stand at `index`, in any case.
    func matches(_ word: StaticString, at index: Int) -> Bool {
        guard index >= 0, index + word.utf8CodeUnitCount <= count else { return false }
        let pointer = word.utf8Start
        for offset in 0..<word.utf8CodeUnitCount where ByteClass.lower(self[index + offset]) != pointer[offset] {
            return false
        }
        return true
    }

    /// Whether two ranges hold the same letters, in any case.
    func isWord(_ range: Range<Int>, equalTo other: Range<Int>) -> Bool {
        range.count == other.count && zip(range, other).allSatisfy { ByteClass.lower(self[$0]) == ByteClass.lower(self[$1]) }
    }

    /// Whether exactly the bytes of `word` stand at `index` (case-sensitive).
    func startsWith(_ word: StaticString, at index: Int) -> Bool {
        index >= 0 && index + word.utf8CodeUnitCount <= count
            && memcmp(base + index, word.utf8Start, word.utf8CodeUnitCount) == 0
    }

    /// The first index at or after `index` where `byte` occurs.
    @inline(__always) func next(_ byte: UInt8, from index: Int) -> Int? {
        guard index < count else { return nil }
        return memchr(base + index, Int32(byte), count - index).map { UnsafeRawPointer($0) - UnsafeRawPointer(base) }
    }

    /// Calls `body` with each non-empty piece of `range` between bytes of `separators`.
    func forEachSegment(of range: Range<Int>, separatedBy separators: StaticString, _ body: (Range<Int>) -> Void) {
        var start = range.lowerBound
        for index in range where ByteClass.isOne(of: separators, self[index]) {
            if index > start { body(start..<index) }
            start = index + 1
        }
        if range.upperBound > start { body(start..<range.upperBound) }
    }

    /// The last index where `byte` occurs.
    func last(_ byte: UInt8) -> Int? {
        var index = count
        while index > 0 {
            index -= 1
            if base[index] == byte { return index }
        }
        return nil
    }

    /// Every index where `byte` occurs.
    func forEach(_ byte: UInt8, _ body: (Int) -> Void) {
        var index = 0
        while index < count {
            guard let found = memchr(base + index, Int32(byte), count - index) else { return }
            let position = UnsafeRawPointer(found) - UnsafeRawPointer(base)
            body(position)
            index = position + 1
        }
    }

    /// The start of the run of ASCII digits ending just before `index`: `runStart(.digit,
    /// before:)`, eight bytes at a time.
    @inline(__always) func digitStart(before index: Int) -> Int {
        var start = min(index, count)
        while start >= 8 {
            // The byte just before `start` is in the high lane.
            let others = ~Lanes.digits(Lanes.load(base + start - 8)) & Lanes.high
            if others != 0 { return start - others.leadingZeroBitCount >> 3 }
            start -= 8
        }
        return runStart(.digit, before: start)
    }

    /// The end of the run of bytes of `flag` starting at `index`, looked for before `limit`.
    @inline(__always) func runEnd(_ flag: ByteClass, from index: Int, before limit: Int = .max) -> Int {
        let stop = min(count, limit)
        var end = max(index, 0)
        while end < stop, classes[Int(base[end])] & flag.rawValue != 0 { end += 1 }
        return max(end, index)
    }

    /// The start of the run of bytes of `flag` ending just before `index`.
    @inline(__always) func runStart(_ flag: ByteClass, before index: Int) -> Int {
        var start = min(index, count)
        while start > 0, classes[Int(base[start - 1])] & flag.rawValue != 0 { start -= 1 }
        return min(start, index)
    }

    func string(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(start: base + range.lowerBound, count: range.count), as: UTF8.self)
    }

    /// The decimal value of the digits in `range` (no overflow check: short ranges only).
    func number(_ range: Range<Int>) -> Int {
        range.reduce(0) { $0 * 10 + Int(self[$1] &- 48) }
    }
}

/// Classes of ASCII bytes, as bits of one table lookup.
struct ByteClass: OptionSet {
    let rawValue: UInt16

    static let digit = ByteClass(rawValue: 1 << 0)
    static let hex = ByteClass(rawValue: 1 << 1)
    static let upper = ByteClass(rawValue: 1 << 2)
    static let lower = ByteClass(rawValue: 1 << 3)
    /// Letters, digits and bytes of multi-byte UTF-8 characters: what glues a word together.
    static let word = ByteClass(rawValue: 1 << 4)
    /// Letters, digits and `-`: DNS labels.
    static let label = ByteClass(rawValue: 1 << 5)
    /// Base64url: letters, digits, `-`, `_`.
    static let base64url = ByteClass(rawValue: 1 << 6)
    /// Characters of opaque tokens: letters, digits and `-._~+/=:%`.
    static let token = ByteClass(rawValue: 1 << 7)
    /// Characters of an e-mail local part: letters (UTF-8 too, RFC 6531), digits and `._%+-`.
    static let local = ByteClass(rawValue: 1 << 8)
    static let space = ByteClass(rawValue: 1 << 9)
    /// Characters of a key name: letters, digits, `-`, `_` and `.`.
    static let key = ByteClass(rawValue: 1 << 10)
    /// What may stand between a word and the value it labels: spaces, `:`, `=`, `"`.
    static let labelGap = ByteClass(rawValue: 1 << 11)
    /// What may join a word to more of a value: `-`, `_`, `.`, `:` (host names, tokens, MACs, URLs).
    static let joiner = ByteClass(rawValue: 1 << 12)
    /// `joiner`'s bytes.
    static let joinerBytes: StaticString = "-_.:"
    /// What announces a format to the scan: `announcerBytes`.
    static let announcer = ByteClass(rawValue: 1 << 13)
    /// The bytes after or at which formats are looked for (`PIIDetector.scanAnnouncers`).
    static let announcerBytes: StaticString = ":=@+("
    static let alpha: ByteClass = [.upper, .lower]
    static let alnum: ByteClass = [.upper, .lower, .digit]

    /// The table, allocated once for the life of the process and never written after.
    nonisolated(unsafe) static let tablePointer: UnsafePointer<UInt16> = {
        let pointer = UnsafeMutablePointer<UInt16>.allocate(capacity: 256)
        pointer.initialize(from: table, count: 256)
        return UnsafePointer(pointer)
    }()

    private static let table: [UInt16] = (0..<256).map { value in
        let byte = UInt8(value)
        var flags: ByteClass = []
        let isDigit = (48...57).contains(byte), isUpper = (65...90).contains(byte), isLower = (97...122).contains(byte)
        if isDigit { flags.insert(.digit) }
        if isUpper { flags.insert(.upper) }
        if isLower { flags.insert(.lower) }
        if isDigit || (65...70).contains(byte) || (97...102).contains(byte) { flags.insert(.hex) }
        let alnum = isDigit || isUpper || isLower
        if alnum || byte >= 0x80 { flags.insert(.word) }
        if alnum || byte == 45 { flags.insert(.label) }
        if alnum || byte == 45 || byte == 95 { flags.insert(.base64url) }
        if alnum || ByteClass.isOne(of: "-._~+/=:%", byte) { flags.insert(.token) }
        if alnum || byte >= 0x80 || ByteClass.isOne(of: "._%+-", byte) { flags.insert(.local) }
        if byte == 32 || byte == 9 { flags.insert(.space) }
        if alnum || byte == 45 || byte == 95 || byte == 46 { flags.insert(.key) }
        if byte == 32 || byte == 9 || ByteClass.isOne(of: ":=\"", byte) { flags.insert(.labelGap) }
        if ByteClass.isOne(of: joinerBytes, byte) { flags.insert(.joiner) }
        if ByteClass.isOne(of: announcerBytes, byte) { flags.insert(.announcer) }
        return flags.rawValue
    }

    @inline(__always) static func lower(_ byte: UInt8) -> UInt8 { (65...90).contains(byte) ? byte | 0x20 : byte }

    /// Whether `byte` is one of the ASCII `characters` (no string is made).
    @inline(__always) static func isOne(of characters: StaticString, _ byte: UInt8) -> Bool {
        let pointer = characters.utf8Start
        for index in 0..<characters.utf8CodeUnitCount where pointer[index] == byte { return true }
        return false
    }
}


/// Eight bytes in a word, tested all at once (SWAR): a test sets the high bit of each byte's
/// lane that passes. Range tests add to the low seven bits of each lane, so that no lane
/// carries into the next, and bytes with the high bit set (not ASCII) never pass.
enum Lanes {
    static let high: UInt64 = 0x8080_8080_8080_8080

    /// The eight bytes at `pointer`, the first in the low lane.
    @inline(__always) static func load(_ pointer: UnsafePointer<UInt8>) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(pointer).loadUnaligned(as: UInt64.self))
    }

    /// Up to eight bytes of `buffer` from `offset` (≥ 0), the first in the low lane; lanes past
    /// its end are zero (no digit, no letter).
    @inline(__always) static func load(_ buffer: UnsafeBufferPointer<UInt8>, from offset: Int) -> UInt64 {
        guard let base = buffer.baseAddress else { return 0 }
        if offset + 8 <= buffer.count { return load(base + offset) }
        var word: UInt64 = 0
        for index in offset..<max(offset, buffer.count) { word |= UInt64(buffer[index]) << (8 * UInt64(index - offset)) }
        return word
    }

    @inline(__always) static func digits(_ bytes: UInt64) -> UInt64 {
        let low = bytes & ~high
        return (low &+ 0x5050_5050_5050_5050) & ~(low &+ 0x4646_4646_4646_4646) & ~bytes & high  // >= "0", not > "9"
    }

    @inline(__always) static func letters(_ bytes: UInt64) -> UInt64 {
        let folded = bytes & ~high | 0x2020_2020_2020_2020  // Upper-case letters to lower-case.
        return (folded &+ 0x1F1F_1F1F_1F1F_1F1F) & ~(folded &+ 0x0505_0505_0505_0505) & ~bytes & high  // >= "a", not > "z"
    }
}
