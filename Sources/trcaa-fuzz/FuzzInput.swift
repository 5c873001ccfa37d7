#if DEBUG
/// The bytes of one input, with the few parameters a target takes (chunk sizes, a choice)
/// read from its front, so libFuzzer mutates parameters and payload alike.
struct FuzzInput: Sendable {
    let bytes: [UInt8]

    /// A number from the first byte (0 for an empty input) and the bytes after it.
    func splitFirstByte() -> (choice: Int, rest: [UInt8]) {
        guard let first = bytes.first else { return (0, []) }
        return (Int(first), Array(bytes.dropFirst()))
    }

    /// `rest` cut in consecutive chunks whose sizes (1 to `maximum`) follow from `seed`, the
    /// same for the same input.
    static func chunks(of rest: [UInt8], seed: Int, maximum: Int) -> [ArraySlice<UInt8>] {
        var state = UInt64(seed) &* 0x9E37_79B9_7F4A_7C15 | 1
        var chunks: [ArraySlice<UInt8>] = []
        var start = 0
        while start < rest.count {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            let end = min(rest.count, start + 1 + Int(state % UInt64(maximum)))
            chunks.append(rest[start..<end])
            start = end
        }
        return chunks
    }

    /// The bytes split at `\n`, without the newlines; a last line without one is kept.
    static func lines(of bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        var lines = bytes.split(separator: 10, omittingEmptySubsequences: false)
        if bytes.last == 10 || bytes.isEmpty { lines.removeLast() }
        return lines
    }
}
#endif
