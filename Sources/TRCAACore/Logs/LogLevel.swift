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
        var previousIsLetter = false
        var index = 0
        while index < count {
            let byte = base[index]
            let letter = isLetter(byte)
            // Words start after a non-letter: `ERROR`, `[error]`, `level=warn`, `"level":"error"`.
            // The second letter is checked before any word: most words are none of these.
            if letter, !previousIsLetter {
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
                    if word(base, index, count, "failed") { best = max(best, .warning) }
                case UInt8(ascii: "c") where second == UInt8(ascii: "r"):
                    if word(base, index, count, "crit") || word(base, index, count, "critical") { return .error }
                case UInt8(ascii: "s") where second == UInt8(ascii: "e"):
                    if byte == UInt8(ascii: "S"), word(base, index, count, "severe") { return .error }
                case UInt8(ascii: "a") where second == UInt8(ascii: "l"):
                    if byte == UInt8(ascii: "A"), word(base, index, count, "alert") { return .error }
                case UInt8(ascii: "w"):
                    if second == UInt8(ascii: "a"), word(base, index, count, "warn") || word(base, index, count, "warning") {
                        best = max(best, .warning)
                    } else if byte == UInt8(ascii: "W"), single(base, index, count) {
                        best = max(best, .warning)
                    }
                case UInt8(ascii: "p") where second == UInt8(ascii: "a"):
                    if byte == UInt8(ascii: "p"), word(base, index, count, "panic") { return .error }
                default:
                    break
                }
            }
            previousIsLetter = letter
            index += 1
        }
        return best
    }

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
