/// The kinds of value a pattern's variables hold, as templates show them.
public enum VariableKind: UInt8, Sendable, CaseIterable {
    /// Varying values of no one kind, and words seen varying between lines.
    case any = 0
    case number, hex, ip, time, path

    /// `<*>`, `<num>`, `<hex>`, `<ip>`, `<time>`, `<path>`.
    public var placeholder: String {
        switch self {
        case .any: "<*>"
        case .number: "<num>"
        case .hex: "<hex>"
        case .ip: "<ip>"
        case .time: "<time>"
        case .path: "<path>"
        }
    }
}

/// How one whitespace-separated token of a message reads in a template. A token with a digit
/// is a value: its wrapping punctuation (`(`, `[`, `"`, trailing `,`, `)`, `.`) and a
/// leading name (`HWID=`, `blk_`, `node-`, `/var/lib/rrds/`, `host.example:`) stay, the
/// rest becomes a variable of its kind. A word with one trailing digit (`eth0`, `alt0`) is
/// a name, not a value.
struct MessageToken {
    /// Bytes kept before and after the variable; `variableStart == variableEnd` for a literal.
    var variableStart: Int
    var variableEnd: Int
    /// The kind when the rule that made the variable knows it; else `kind(in:)` reads it from
    /// the bytes (only templates need it, not the per-line hash).
    var knownKind: VariableKind?
    /// A literal with a digit (a device name): the only token whose digits a key holds.
    var isLiteralWithDigit = false

    var isLiteral: Bool { variableStart == variableEnd }

    /// The token `start..<end` of `bytes`, whose first digit is at `firstDigit` (nil: none).
    static func read(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, firstDigit: Int?) -> MessageToken {
        var literal = MessageToken(variableStart: start, variableEnd: start, knownKind: .any)
        guard let firstDigit else { return literal }
        var coreStart = start, coreEnd = end
        while coreStart < firstDigit, isOpening(bytes[coreStart]) { coreStart += 1 }
        while coreEnd > firstDigit + 1, isClosing(bytes[coreEnd - 1]) { coreEnd -= 1 }
        if isDeviceName(bytes, coreStart, coreEnd) {
            literal.isLiteralWithDigit = true
            return literal
        }
        if let path = pathValue(bytes, coreStart, coreEnd) { return path }
        let valueStart = nameEnd(bytes, coreStart, firstDigit)
        return MessageToken(variableStart: valueStart, variableEnd: coreEnd)
    }

    /// A unit of size or duration (`KB`, `MiB`, `ms`; a trailing `,` or `)` kept), read as
    /// part of the number before it.
    static func unit(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> MessageToken? {
        var coreEnd = end
        while coreEnd > start + 1, isClosing(bytes[coreEnd - 1]) { coreEnd -= 1 }
        guard coreEnd - start <= 3, units.contains(ShortWord.pack(bytes[start..<coreEnd])) else { return nil }
        return MessageToken(variableStart: start, variableEnd: coreEnd, knownKind: .any)
    }

    private static let units: [UInt32] = ["B", "KB", "MB", "GB", "TB", "KiB", "MiB", "GiB", "ms", "us", "ns", "s"]
        .map { ShortWord.pack($0.utf8) }

    /// A weekday or month name (`Sun`, `Jul,`) followed by a digit or, for a weekday, a month:
    /// a date's words.
    static func dateWord(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, before next: UInt8) -> MessageToken? {
        var coreEnd = end
        if coreEnd - start == 4, bytes[coreEnd - 1] == UInt8(ascii: ",") { coreEnd -= 1 }
        guard coreEnd - start == 3, bytes[start] < 97, bytes[start + 1] >= 97, bytes[start + 2] >= 97 else { return nil }
        let word = ShortWord.pack(bytes[start..<coreEnd])
        let month = CalendarWord.months.contains(word)
        guard month || CalendarWord.weekdays.contains(word), ASCIIByte.isDigit(next) || (!month && ASCIIByte.isLetter(next)) else { return nil }
        return MessageToken(variableStart: start, variableEnd: coreEnd, knownKind: .time)
    }

    /// Where a leading name ends: after the last `_-.=:/@#` before the first digit, when a
    /// letter comes before it; a `-` that signs the number stays with it (`blk_-42`).
    private static func nameEnd(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ firstDigit: Int) -> Int {
        var end = start
        var letter = false
        var index = start
        while index < firstDigit {
            let byte = bytes[index]
            if ASCIIByte.isLetter(byte) { letter = true } else if isNameSeparator(byte), letter { end = index + 1 }
            index += 1
        }
        if end == firstDigit, end - start >= 2, bytes[end - 1] == UInt8(ascii: "-"), isNameSeparator(bytes[end - 2]) { end -= 1 }
        return end
    }

    /// A path with a number in it (`/data/subdir56/blk_42`) is one value, whatever its
    /// directories: `<path>` when it starts with `/`.
    private static func pathValue(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> MessageToken? {
        var slashes = 0
        for index in start..<end where bytes[index] == UInt8(ascii: "/") { slashes += 1 }
        guard slashes >= 2 || (slashes == 1 && bytes[start] == UInt8(ascii: "/")) else { return nil }
        return MessageToken(variableStart: start, variableEnd: end, knownKind: bytes[start] == UInt8(ascii: "/") ? .path : .any)
    }

    /// Two or more letters and one digit: `eth0`, `alt0`, `scip0`, `sda1`.
    private static func isDeviceName(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        guard end - start >= 3, ASCIIByte.isDigit(bytes[end - 1]) else { return false }
        for index in start..<(end - 1) where !ASCIIByte.isLetter(bytes[index]) { return false }
        return true
    }

    /// The kind of value the variable holds.
    func kind(in bytes: UnsafeBufferPointer<UInt8>) -> VariableKind {
        knownKind ?? Self.kind(bytes, variableStart, variableEnd)
    }

    private static func kind(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> VariableKind {
        guard end > start else { return .any }
        var digits = 0, dots = 0, colons = 0, hexLetters = 0, other = 0
        var index = start
        if bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") { index += 1 }
        if end - index > 2, bytes[index] == 48, bytes[index + 1] | 0x20 == UInt8(ascii: "x") {
            for offset in (index + 2)..<end where !ASCIIByte.isHexDigit(bytes[offset]) { return .any }
            return .hex
        }
        while index < end {
            let byte = bytes[index]
            if ASCIIByte.isDigit(byte) { digits += 1 } else if byte == UInt8(ascii: ".") { dots += 1 }
            else if byte == UInt8(ascii: ":") { colons += 1 } else if ASCIIByte.isHexDigit(byte) { hexLetters += 1 } else { other += 1 }
            index += 1
        }
        if other > 0 { return .any }
        if hexLetters > 0 { return colons == 0 && dots == 0 && digits + hexLetters >= 6 ? .hex : .any }
        if dots == 3, colons <= 1 { return .ip }
        if colons >= 2 { return .time }
        return colons == 0 && dots <= 1 ? .number : .any
    }

    private static func isOpening(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "(") || byte == UInt8(ascii: "[") || byte == UInt8(ascii: "{") || byte == UInt8(ascii: "<")
            || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
    }

    private static func isClosing(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"), UInt8(ascii: ">"), UInt8(ascii: "\""),
             UInt8(ascii: "'"), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "."), UInt8(ascii: ":"): true
        default: false
        }
    }

    private static func isNameSeparator(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "_"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "="), UInt8(ascii: ":"),
             UInt8(ascii: "/"), UInt8(ascii: "@"), UInt8(ascii: "#"): true
        default: false
        }
    }
}
