import Glibc

/// Counts lines and error/warning lines per block while a log streams past.
struct LogIndexer: Sendable {
    struct Block: Sendable {
        var uncompressedOffset: Int
        var firstLine: Int
        var continuesLine: Bool
        var levels = LevelCounts()
        var errorCount: Int { levels.errors }
        var warningCount: Int { levels.warnings }
    }

    /// Whether `consume` classifies each line; not when pattern mining does (`takeLevels`).
    private let classifiesLines: Bool
    private(set) var blocks: [Block] = []
    private(set) var newlines = 0
    private(set) var size = 0
    private var lastByte: UInt8 = 10

    /// Lines in the log: newlines, plus one for a last line without a newline.
    var lineCount: Int { newlines + (size > 0 && lastByte != 10 ? 1 : 0) }
    var errorCount: Int { blocks.reduce(0) { $0 + $1.errorCount } }
    var warningCount: Int { blocks.reduce(0) { $0 + $1.warningCount } }

    init(classifiesLines: Bool) { self.classifiesLines = classifiesLines }

    /// Indexes one block: each line that starts in it is classified by its first 256 bytes
    /// (when `classifiesLines`), and the offset of each newline in it is appended to
    /// `offsets` (for mining, which then need not look for them).
    mutating func consume(_ block: UnsafeRawBufferPointer, newlines offsets: inout [UInt32]) {
        var entry = Block(uncompressedOffset: size, firstLine: newlines, continuesLine: lastByte != 10)
        guard let base = block.baseAddress?.assumingMemoryBound(to: UInt8.self), !block.isEmpty else {
            blocks.append(entry)
            return
        }
        var lineStart = entry.continuesLine || !classifiesLines ? nil as Int? : 0
        var index = 0
        while index < block.count {
            guard let found = memchr(base + index, 10, block.count - index) else { break }
            let newline = UnsafeRawPointer(found) - UnsafeRawPointer(base)
            offsets.append(UInt32(newline))
            if let start = lineStart { entry.levels.add(LogLevel.classify(UnsafeRawBufferPointer(rebasing: block[start..<newline]))) }
            newlines += 1
            if classifiesLines { lineStart = newline + 1 }
            index = newline + 1
        }
        if let start = lineStart, start < block.count {
            entry.levels.add(LogLevel.classify(UnsafeRawBufferPointer(rebasing: block[start...])))
        }
        size += block.count
        lastByte = base[block.count - 1]
        blocks.append(entry)
    }

    /// The error and warning lines of each block, as mining read the lines that start in it
    /// (which classifies a line once per shape) when `consume` did not.
    mutating func takeLevels(_ levels: [LevelCounts]) {
        precondition(levels.count == blocks.count, "one count per block")
        for index in blocks.indices { blocks[index].levels = levels[index] }
    }
}

/// The error and warning lines of a block.
struct LevelCounts: Sendable {
    var errors = 0
    var warnings = 0

    mutating func add(_ level: LogLevel) {
        switch level {
        case .error: errors += 1
        case .warning: warnings += 1
        case .none: break
        }
    }
}
