import Glibc

/// Mining text held in memory, line by line, without a store: `trcaa patterns scan`, the
/// evaluation kit and the benchmark.
public enum PatternScan {
    /// The patterns of `text` and the pattern id of each of its lines (a last line without a
    /// newline counts; a `\r` before a newline is dropped).
    public static func mine(_ text: UnsafeRawBufferPointer, maximumKeys: Int = 20_000) -> (patterns: [LogPatternSummary], lines: [UInt32]) {
        var miner = PatternMiner(maximumKeys: maximumKeys)
        var reader = LineReader()
        var keys: [UInt32] = []
        let bytes = text.bindMemory(to: UInt8.self)
        var start = 0
        while start < bytes.count, let base = bytes.baseAddress {
            let end = memchr(base + start, 10, bytes.count - start).map { UnsafeRawPointer($0) - UnsafeRawPointer(base) } ?? bytes.count
            let line = UnsafeBufferPointer(rebasing: bytes[start..<end])
            keys.append(miner.add(line, reader.read(line), lineNumber: keys.count))
            start = end + 1
        }
        let mined = miner.finish()
        return (mined.patterns, keys.map { mined.patternOfKey[Int($0)] })
    }
}
