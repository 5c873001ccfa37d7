/// ASCII classes for the byte scanners of pattern mining.
enum ASCIIByte {
    @inline(__always) static func isDigit(_ byte: UInt8) -> Bool { byte &- 48 < 10 }
    @inline(__always) static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) &- 97 < 26 }
    @inline(__always) static func isHexDigit(_ byte: UInt8) -> Bool { isDigit(byte) || (byte | 0x20) &- 97 < 6 }
    @inline(__always) static func isSpace(_ byte: UInt8) -> Bool { byte == 32 || byte == 9 }
}

/// English month and weekday abbreviations, as dates in logs write them (`Jul`, `Sun`).
enum CalendarWord {
    static let months: Set<[UInt8]> = Set(["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        .map { Array($0.utf8) })
    static let weekdays: Set<[UInt8]> = Set(["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"].map { Array($0.utf8) })
}
