/// ASCII classes for the byte scanners of pattern mining.
enum ASCIIByte {
    @inline(__always) static func isDigit(_ byte: UInt8) -> Bool { byte &- 48 < 10 }
    @inline(__always) static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) &- 97 < 26 }
    @inline(__always) static func isHexDigit(_ byte: UInt8) -> Bool { isDigit(byte) || (byte | 0x20) &- 97 < 6 }
    @inline(__always) static func isSpace(_ byte: UInt8) -> Bool { byte == 32 || byte == 9 }
    /// `isSpace || isDigit` with one test for the bytes above `9` (57: letters and most punctuation).
    @inline(__always) static func isSpaceOrDigit(_ byte: UInt8) -> Bool { byte <= 57 && spaceOrDigitBits >> UInt64(byte) & 1 != 0 }
    /// Bit `b` set for the bytes `b` below 64 that are a space, a tab or a digit.
    private static let spaceOrDigitBits: UInt64 = 1 << 9 | 1 << 32 | 0x3ff << 48
}

/// Up to three bytes and their count in one integer: short words looked up without allocating.
enum ShortWord {
    static func pack<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> UInt32 {
        bytes.reduce(0) { $0 << 8 | UInt32($1) } | UInt32(bytes.count) << 24
    }
}

/// English month and weekday abbreviations, as dates in logs write them (`Jul`, `Sun`), packed (`ShortWord`).
enum CalendarWord {
    static let months: [UInt32] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        .map { ShortWord.pack($0.utf8) }
    static let weekdays: [UInt32] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"].map { ShortWord.pack($0.utf8) }
}
