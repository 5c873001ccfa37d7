import Glibc

/// A read-only view of UTF-8 bytes for the detectors: out-of-range reads give 0, so a
/// detector can look one byte before or after a candidate without bounds checks.
struct ByteText {
    let base: UnsafePointer<UInt8>
    let count: Int

    init(_ buffer: UnsafeRawBufferPointer) {
        // Safe: an empty buffer may have no base address; any valid pointer with count 0 works.
        base = buffer.baseAddress?.assumingMemoryBound(to: UInt8.self) ?? UnsafePointer(bitPattern: 1)!
        count = buffer.count
    }

    @inline(__always) subscript(index: Int) -> UInt8 {
        index >= 0 && index < count ? base[index] : 0
    }

    @inline(__always) func has(_ flag: ByteClass, at index: Int) -> Bool {
        ByteClass.table[Int(self[index])] & flag.rawValue != 0
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

    /// Whether exactly the bytes of `word` stand at `index` (case-sensitive).
    func startsWith(_ word: StaticString, at index: Int) -> Bool {
        index >= 0 && index + word.utf8CodeUnitCount <= count
            && memcmp(base + index, word.utf8Start, word.utf8CodeUnitCount) == 0
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

    /// The end of the run of bytes of `flag` starting at `index`.
    @inline(__always) func runEnd(_ flag: ByteClass, from index: Int) -> Int {
        var end = index
        while end < count, has(flag, at: end) { end += 1 }
        return end
    }

    /// The start of the run of bytes of `flag` ending just before `index`.
    @inline(__always) func runStart(_ flag: ByteClass, before index: Int) -> Int {
        var start = index
        while start > 0, has(flag, at: start - 1) { start -= 1 }
        return start
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
    static let alpha: ByteClass = [.upper, .lower]

    static let table: [UInt16] = (0..<256).map { value in
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
        if alnum || "-._~+/=:%".utf8.contains(byte) { flags.insert(.token) }
        if alnum || byte >= 0x80 || "._%+-".utf8.contains(byte) { flags.insert(.local) }
        if byte == 32 || byte == 9 { flags.insert(.space) }
        return flags.rawValue
    }

    @inline(__always) static func lower(_ byte: UInt8) -> UInt8 { (65...90).contains(byte) ? byte | 0x20 : byte }
}

