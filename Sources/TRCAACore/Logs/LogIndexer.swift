import Glibc

/// Counts lines and error/warning lines per block while a log streams past.
struct LogIndexer: Sendable {
    struct Block: Sendable {
        var uncompressedOffset: Int
        var firstLine: Int
        var continuesLine: Bool
        var errorCount = 0
        var warningCount = 0
    }

    private(set) var blocks: [Block] = []
    private(set) var newlines = 0
    private(set) var size = 0
    private var lastByte: UInt8 = 10

    /// Lines in the log: newlines, plus one for a last line without a newline.
    var lineCount: Int { newlines + (size > 0 && lastByte != 10 ? 1 : 0) }
    var errorCount: Int { blocks.reduce(0) { $0 + $1.errorCount } }
    var warningCount: Int { blocks.reduce(0) { $0 + $1.warningCount } }

    /// Indexes one block: each line that starts in it is classified by its first 256 bytes.
    mutating func consume(_ block: UnsafeRawBufferPointer) {
        var entry = Block(uncompressedOffset: size, firstLine: newlines, continuesLine: lastByte != 10)
        guard let base = block.baseAddress?.assumingMemoryBound(to: UInt8.self), !block.isEmpty else {
            blocks.append(entry)
            return
        }
        var lineStart = entry.continuesLine ? nil as Int? : 0
        var index = 0
        while index < block.count {
            guard let found = memchr(base + index, 10, block.count - index) else { break }
            let newline = UnsafeRawPointer(found) - UnsafeRawPointer(base)
            if let start = lineStart { count(LogLevel.classify(UnsafeRawBufferPointer(rebasing: block[start..<newline])), in: &entry) }
            newlines += 1
            lineStart = newline + 1
            index = newline + 1
        }
        if let start = lineStart, start < block.count {
            count(LogLevel.classify(UnsafeRawBufferPointer(rebasing: block[start...])), in: &entry)
        }
        size += block.count
        lastByte = base[block.count - 1]
        blocks.append(entry)
    }

    private func count(_ level: LogLevel, in entry: inout Block) {
        switch level {
        case .error: entry.errorCount += 1
        case .warning: entry.warningCount += 1
        case .none: break
        }
    }
}
