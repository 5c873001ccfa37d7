import Testing
import TestSupport
import TRCAACore

/// `LogLevel.classify` against the plain form it was first written in (every byte after a
/// non-letter tries every word), on every line of the loghub samples and on made-up lines.
@Suite struct LogLevelTests {
    private func agree(_ line: [UInt8]) -> Bool {
        line.withUnsafeBytes { LogLevel.classify($0) == PlainLogLevel.classify($0) }
    }

    @Test func everyLoghubLineGetsThePlainFormsLevel() throws {
        var levels: [LogLevel: Int] = [:]
        for (log, bytes) in try SharedFiles.loghubSamples() {
            for line in bytes.split(separator: 10) {
                #expect(agree(Array(line)), "\(log): \(String(decoding: line, as: UTF8.self))")
                levels[Array(line).withUnsafeBytes { LogLevel.classify($0) }, default: 0] += 1
            }
        }
        #expect(levels[.error, default: 0] > 1000 && levels[.warning, default: 0] > 1000, "both levels are found")
    }

    @Test func madeUpLinesGetThePlainFormsLevel() {
        let words = ["error", "ERR", "Err:", "emerg", "E", "W", "fatal", "Failed", "failed", "failure", "crit", "CRITICAL",
                     "Severe", "severe", "Alert", "alert", "warn", "WARNING", "panic", "Panic", "errors", "warned", "xerror",
                     "e", "w", "fa", "cr", "se", "al", "wa", "pa", "em", "er"]
        let separators = [" ", "[", "]", ":", "=", "\"", "x", "", "é"]
        for word in words {
            for before in separators {
                for after in separators {
                    for text in ["\(before)\(word)\(after)", "03-17 16:13:38 \(before)\(word)\(after) rest", "a \(word)"] {
                        #expect(agree(Array(text.utf8)), "\(text)")
                    }
                }
            }
        }
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("eEwWfFcCsSaApPrRmMlLnNiIuU tk:[]=\"".utf8)
        for _ in 0..<20_000 {
            let line = (0..<Int.random(in: 0...300, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
            #expect(agree(line), "\(String(decoding: line, as: UTF8.self))")
        }
    }
}

/// The first form of `LogLevel.classify`, kept as the oracle.
private enum PlainLogLevel {
    static func classify(_ line: UnsafeRawBufferPointer) -> LogLevel {
        let count = min(line.count, 256)
        guard count > 0, let base = line.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return .none }
        var best = LogLevel.none
        for index in 0..<count where !isLetter(index > 0 ? base[index - 1] : 32) {
            let byte = base[index]
            switch byte | 0x20 {
            case UInt8(ascii: "e"):
                if word(base, index, count, "error") || word(base, index, count, "err") || word(base, index, count, "emerg")
                    || (byte == UInt8(ascii: "E") && single(base, index, count)) { return .error }
            case UInt8(ascii: "f"):
                if word(base, index, count, "fatal") || (byte == UInt8(ascii: "F") && word(base, index, count, "failed"))
                    || word(base, index, count, "failure") { return .error }
                if word(base, index, count, "failed") { best = max(best, .warning) }
            case UInt8(ascii: "c"):
                if word(base, index, count, "crit") || word(base, index, count, "critical") { return .error }
            case UInt8(ascii: "s"):
                if byte == UInt8(ascii: "S"), word(base, index, count, "severe") { return .error }
            case UInt8(ascii: "a"):
                if byte == UInt8(ascii: "A"), word(base, index, count, "alert") { return .error }
            case UInt8(ascii: "w"):
                if word(base, index, count, "warn") || word(base, index, count, "warning")
                    || (byte == UInt8(ascii: "W") && single(base, index, count)) { best = max(best, .warning) }
            case UInt8(ascii: "p"):
                if byte == UInt8(ascii: "p"), word(base, index, count, "panic") { return .error }
            default:
                break
            }
        }
        return best
    }

    private static func word(_ base: UnsafePointer<UInt8>, _ index: Int, _ count: Int, _ lower: StaticString) -> Bool {
        let length = lower.utf8CodeUnitCount
        guard index + length <= count else { return false }
        for offset in 0..<length where base[index + offset] | 0x20 != lower.utf8Start[offset] { return false }
        return index + length == count || !isLetter(base[index + length])
    }

    private static func single(_ base: UnsafePointer<UInt8>, _ index: Int, _ count: Int) -> Bool {
        index > 0 && base[index - 1] == 32 && index + 1 < count && base[index + 1] == 32
    }

    private static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 97 && (byte | 0x20) <= 122 }
}
