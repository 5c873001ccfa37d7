import TRCAAStore

/// What a redacted span becomes: its type (`[IPv4]`), or its type and a pseudonym number
/// (`[IPv4#3]`) that stands for its value. Numbers count the distinct values of each type in
/// order of first appearance in the text (a log), so the same address is `[IPv4#3]` on every
/// line, in the viewer, in grep and in an export alike, and two addresses never share one.
public enum RedactionTokens: String, Sendable, CaseIterable {
    case plain
    case numbered

    private static let plainTokens: [[UInt8]] = (0...UInt8.max).map { Array("[\(PIIType.name(ofCode: $0))]".utf8) }
    private static let prefixes: [[UInt8]] = (0...UInt8.max).map { Array("[\(PIIType.name(ofCode: $0))#".utf8) }

    /// Appends `span`'s token to `out`.
    func append(_ span: Redactor.Span, to out: inout [UInt8]) {
        guard self == .numbered, span.number > 0 else { return out += Self.plainTokens[Int(span.type)] }
        out += Self.prefixes[Int(span.type)]
        out += String(span.number).utf8
        out.append(UInt8(ascii: "]"))
    }
}

/// Pseudonym numbers as values appear: per type, the first value seen is 1, the next new one
/// 2, and a value seen before gets its number again.
struct PseudonymNumbering {
    private var numbers = [[[UInt8]: UInt32]](repeating: [:], count: 256)

    /// The number of `value`, a value of type `type`.
    mutating func number<Value: Collection<UInt8>>(of value: Value, type: UInt8) -> UInt32 {
        let key = Array(value)
        if let number = numbers[Int(type)][key] { return number }
        let number = UInt32(numbers[Int(type)].count + 1)
        numbers[Int(type)][key] = number
        return number
    }
}
