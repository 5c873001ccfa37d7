import Glibc

/// The severity a log line announces, from the formats the viewer knows: syslog and kernel
/// messages, Apache (`[error]`), Hadoop/Spark/Java (`ERROR`, `WARN`, `FATAL`), Android
/// logcat (` E `, ` W `), OpenSSH (`error:`, `Failed`), Windows CBS (`Error`, `Warning`),
/// JSON lines (`"level":"error"`).
public enum LogLevel: UInt8, Sendable, Comparable {
    case none = 0
    case warning = 1
    case error = 2

    public static func < (a: LogLevel, b: LogLevel) -> Bool { a.rawValue < b.rawValue }

    /// Classifies one line (without its newline); looks at the first 256 bytes only.
    public static func classify(_ line: UnsafeRawBufferPointer) -> LogLevel {
        let count = min(line.count, 256)
        guard count > 0, let base = line.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return .none }
        var best = LogLevel.none
        // Words start after a non-letter: `ERROR`, `[error]`, `level=warn`, `"level":"error"`.
        // Eight bytes at a time, the starts of words are found as bits, and only those whose
        // first letter begins a level word are looked at.
        let text = UnsafeBufferPointer(start: base, count: count)
        var letterBefore: UInt64 = 0
        var chunkStart = 0
        while chunkStart < count {
            let letters = Lanes.letters(Lanes.load(text, from: chunkStart))
            var starts = letters & ~(letters << 8 | letterBefore)
            while starts != 0 {
                let index = chunkStart + starts.trailingZeroBitCount >> 3
                starts &= starts - 1
                let byte = base[index]
                guard wordStarts >> UInt32((byte | 0x20) &- 97) & 1 != 0 else { continue }
                switch level(at: index, base, count) {
                case .error: return .error
                case .warning: best = .warning
                case .none: break
                }
            }
            letterBefore = letters >> 56
            chunkStart += 8
        }
        return best
    }

    /// The level a word starting at `index` announces; its second letter is checked before any
    /// whole word (most words that start with these letters are none of them).
    private static func level(at index: Int, _ base: UnsafePointer<UInt8>, _ count: Int) -> LogLevel {
        let byte = base[index]
        let second = index + 1 < count ? base[index + 1] | 0x20 : 0
        switch byte | 0x20 {
        case UInt8(ascii: "e"):
            if second == UInt8(ascii: "r") || second == UInt8(ascii: "m"),
               word(base, index, count, "error") || word(base, index, count, "err") || word(base, index, count, "emerg") {
                return .error
            }
            if byte == UInt8(ascii: "E"), single(base, index, count) { return .error }
        case UInt8(ascii: "f") where second == UInt8(ascii: "a"):
            if word(base, index, count, "fatal") || (byte == UInt8(ascii: "F") && word(base, index, count, "failed"))
                || word(base, index, count, "failure") { return .error }
            if word(base, index, count, "failed") { return .warning }
        case UInt8(ascii: "c") where second == UInt8(ascii: "r"):
            if word(base, index, count, "crit") || word(base, index, count, "critical") { return .error }
        case UInt8(ascii: "s") where second == UInt8(ascii: "e"):
            if byte == UInt8(ascii: "S"), word(base, index, count, "severe") { return .error }
        case UInt8(ascii: "a") where second == UInt8(ascii: "l"):
            if byte == UInt8(ascii: "A"), word(base, index, count, "alert") { return .error }
        case UInt8(ascii: "w"):
            if second == UInt8(ascii: "a"), word(base, index, count, "warn") || word(base, index, count, "warning") { return .warning }
            if byte == UInt8(ascii: "W"), single(base, index, count) { return .warning }
        case UInt8(ascii: "p") where second == UInt8(ascii: "a"):
            if byte == UInt8(ascii: "p"), word(base, index, count, "panic") { return .error }
        default:
            break
        }
        return .none
    }

    /// The first letters of the level words, a bit each from `a`: a, c, e, f, p, s, w.
    private static let wordStarts: UInt32 = 1 << 0 | 1 << 2 | 1 << 4 | 1 << 5 | 1 << 15 | 1 << 18 | 1 << 22

    /// Whether the word `lower` (any case) stands at `index`, not followed by another letter.
    private static func word(_ base: UnsafePointer<UInt8>, _ index: Int, _ count: Int, _ lower: StaticString) -> Bool {
        let length = lower.utf8CodeUnitCount
        guard index + length <= count else { return false }
        for offset in 0..<length where base[index + offset] | 0x20 != lower.utf8Start[offset] { return false }
        return index + length == count || !isLetter(base[index + length])
    }

    /// A lone capital between spaces: logcat's level column (` E `, ` W `).
    private static func single(_ base: UnsafePointer<UInt8>, _ index: Int, _ count: Int) -> Bool {
        index > 0 && base[index - 1] == 32 && index + 1 < count && base[index + 1] == 32
    }

    private static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) &- 97 < 26 }
}
