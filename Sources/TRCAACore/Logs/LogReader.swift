import Glibc
import TRCAAStore

/// One line of a stored log: its number (0-based), where it starts, and its bytes without
/// the newline (a `\r` before it is kept, so output reproduces the text).
public struct LogLine: Sendable, Equatable {
    public var number: Int
    public var offset: Int64
    public var bytes: [UInt8]

    /// The text, invalid UTF-8 shown as U+FFFD.
    public var text: String { String(decoding: bytes, as: UTF8.self) }
}

/// Random access to a stored log (SPEC §6): any line range is read by inflating from the
/// flush point before it, so at most one block (~1 MiB) is decompressed before the first line
/// asked for, and memory never holds the whole log. Logs stored by the original app have no
/// flush points and are read from the start.
public final class LogReader {
    public let logId: String
    public private(set) var lineCount: Int
    public let size: Int64
    private let blocks: [Block]
    private let blob: any BlobReader
    private let streamStart: Int

    struct Block {
        var uncompressedOffset: Int64
        var compressedOffset: Int
        var firstLine: Int
        var continuesLine: Bool
        var errorCount: Int
        var warningCount: Int
    }

    init(database: Database, logId: String) throws {
        guard let row = try database.row("""
            SELECT file_size, content_compressed IS NULL AS missing,
                (SELECT line_count FROM log_stats WHERE log_file_id = log_files.id) AS lines
            FROM log_files WHERE id = ?
            """, [.text(logId)]) else { throw TriageError.unknownID(kind: "log", prefix: logId) }
        guard try row.decode("missing", as: Int.self) == 0 else {
            throw LogContentError.missing(logId: logId)
        }
        self.logId = logId
        size = try row.decode("file_size")
        let blob = try LogContentBlob(of: logId, in: database)
        self.blob = blob
        blocks = try database.rows("""
            SELECT uncompressed_offset, compressed_offset, first_line, continues_line, error_count, warning_count
            FROM log_blocks WHERE log_file_id = ? ORDER BY block
            """, [.text(logId)]).map { row in
            Block(uncompressedOffset: try row.decode(at: 0), compressedOffset: try row.decode(at: 1),
                  firstLine: try row.decode(at: 2), continuesLine: try row.decode(at: 3), errorCount: try row.decode(at: 4),
                  warningCount: try row.decode(at: 5))
        }
        var header = [UInt8](repeating: 0, count: min(blob.count, 512))
        try header.withUnsafeMutableBytes { try blob.read(into: $0, at: 0) }
        guard let headerLength = GzipFormat.headerLength(header) else {
            throw LogContentError.damaged(logId: logId, reason: "it does not start with a gzip header")
        }
        streamStart = headerLength
        lineCount = try row.decode("lines", as: Int?.self) ?? 0
        if try row.decode("lines", as: Int?.self) == nil {
            lineCount = try countLines()
        }
    }

    /// Lines of a log stored without an index (by the original app): one pass.
    private func countLines() throws -> Int {
        var newlines = 0
        var last: UInt8 = 10
        try stream(from: nil) { chunk in
            newlines += chunk.reduce(0) { $0 + ($1 == 10 ? 1 : 0) }
            if let byte = chunk.last { last = byte }
            return true
        }
        return newlines + (size > 0 && last != 10 ? 1 : 0)
    }

    /// Lines `range` (0-based); fewer at the end of the log.
    public func lines(_ range: Range<Int>) throws -> [LogLine] {
        guard !range.isEmpty, range.lowerBound >= 0 else { return [] }
        var lines: [LogLine] = []
        try forEachLine(from: range.lowerBound) { number, offset, bytes in
            lines.append(LogLine(number: number, offset: offset, bytes: Array(bytes)))
            return lines.count < range.count
        }
        return lines
    }

    /// Calls `body` with each line from line `first` on (number, byte offset, bytes without
    /// the newline; valid only during the call) until it returns false or the log ends.
    public func forEachLine(from first: Int = 0,
                            _ body: (_ number: Int, _ offset: Int64, _ bytes: UnsafeRawBufferPointer) throws -> Bool) throws {
        let start = startBlock(for: first)
        var partial: [UInt8] = []
        var lineNumber = start.firstLine
        var offset = start.uncompressedOffset
        var lineOffset = offset
        // A block that starts inside line `firstLine` holds its end only: skip to the next line.
        var skipping = start.continuesLine || lineNumber < first
        var going = true
        try stream(from: start) { chunk in
            try chunk.withUnsafeBytes { bytes in
                var index = 0
                while index < bytes.count {
                    guard let newline = Self.newline(in: bytes, from: index) else {
                        if !skipping { partial += bytes[index...] }
                        offset += Int64(bytes.count - index)
                        return
                    }
                    if !skipping {
                        if partial.isEmpty {
                            going = try body(lineNumber, lineOffset, UnsafeRawBufferPointer(rebasing: bytes[index..<newline]))
                        } else {
                            partial += bytes[index..<newline]
                            going = try partial.withUnsafeBytes { try body(lineNumber, lineOffset, $0) }
                            partial.removeAll(keepingCapacity: true)
                        }
                        if !going { return }
                    }
                    offset += Int64(newline + 1 - index)
                    lineNumber += 1
                    lineOffset = offset
                    skipping = lineNumber < first
                    index = newline + 1
                }
            }
            return going
        }
        // The last line when the log does not end with a newline.
        if going, !skipping, lineNumber < lineCount {
            _ = try partial.withUnsafeBytes { try body(lineNumber, lineOffset, $0) }
        }
    }

    /// Where a stretch of text is: the 0-based line it starts on, and its bytes.
    public struct Excerpt: Sendable, Equatable {
        public var line: Int
        public var bytes: [UInt8]
    }

    /// The excerpt of each of `ranges` (sorted, not overlapping), in one pass from the block
    /// before the first; a range past the end is the last line's, with no bytes.
    public func excerpts(_ ranges: [Range<Int64>]) throws -> [Excerpt] {
        guard let first = ranges.first else { return [] }
        let start = blocks.last { $0.uncompressedOffset <= first.lowerBound } ?? Block(
            uncompressedOffset: 0, compressedOffset: streamStart, firstLine: 0, continuesLine: false, errorCount: 0,
            warningCount: 0)
        var excerpts: [Excerpt] = []
        excerpts.reserveCapacity(ranges.count)
        var collecting = false  // the last excerpt's range goes on past this chunk
        var line = start.firstLine
        var position = start.uncompressedOffset
        try stream(from: start) { chunk in
            chunk.withUnsafeBytes { bytes in
                let chunkEnd = position + Int64(bytes.count)
                var cursor = 0
                func countNewlines(upTo end: Int) {
                    while let newline = Self.newline(in: UnsafeRawBufferPointer(rebasing: bytes[..<end]), from: cursor) {
                        line += 1
                        cursor = newline + 1
                    }
                    cursor = max(cursor, end)
                }
                while true {
                    if collecting {
                        let range = ranges[excerpts.count - 1]
                        let lower = Int(max(range.lowerBound - position, 0)), upper = Int(min(range.upperBound, chunkEnd) - position)
                        excerpts[excerpts.count - 1].bytes += UnsafeRawBufferPointer(rebasing: bytes[lower..<upper])
                        guard range.upperBound <= chunkEnd else { return countNewlines(upTo: bytes.count) }
                        collecting = false
                    }
                    guard excerpts.count < ranges.count, ranges[excerpts.count].lowerBound < chunkEnd else { break }
                    countNewlines(upTo: Int(ranges[excerpts.count].lowerBound - position))
                    excerpts.append(Excerpt(line: line, bytes: []))
                    collecting = true
                }
                countNewlines(upTo: bytes.count)
            }
            position += Int64(chunk.count)
            return excerpts.count < ranges.count || collecting
        }
        while excerpts.count < ranges.count { excerpts.append(Excerpt(line: max(0, lineCount - 1), bytes: [])) }
        return excerpts
    }

    private static func newline(in bytes: UnsafeRawBufferPointer, from index: Int) -> Int? {
        guard index < bytes.count else { return nil }
        return memchr(bytes.baseAddress! + index, 10, bytes.count - index).map { $0 - UnsafeMutableRawPointer(mutating: bytes.baseAddress!) }  // Safe: index < count.
    }

    /// The whole text, chunk by chunk (chunks are valid only inside `body`).
    public func stream(_ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        try stream(from: nil) { chunk in
            try chunk.withUnsafeBytes { try body($0) }
            return true
        }
    }

    /// Where each index block starts in the text, in order.
    var blockOffsets: [Int64] { blocks.map(\.uncompressedOffset) }

    /// Error and warning lines per block: (first line, errors, warnings), for jumping.
    public var levelSummary: [(firstLine: Int, errors: Int, warnings: Int)] {
        blocks.map { ($0.firstLine, $0.errorCount, $0.warningCount) }
    }

    private func startBlock(for line: Int) -> Block {
        let fallback = Block(uncompressedOffset: 0, compressedOffset: streamStart, firstLine: 0, continuesLine: false,
                             errorCount: 0, warningCount: 0)
        var chosen = fallback
        for block in blocks {
            guard block.firstLine < line || (block.firstLine == line && !block.continuesLine) else { break }
            chosen = block
        }
        return chosen
    }

    /// A pull-style inflater over the whole text.
    func inflaterFromStart() -> LogInflater { LogInflater(blob: blob, logId: logId, compressedOffset: streamStart) }

    /// Inflates from `block` (or the start), handing over chunks until `body` returns false.
    private func stream(from block: Block?, _ body: (ArraySlice<UInt8>) throws -> Bool) throws {
        let inflater = LogInflater(blob: blob, logId: logId, compressedOffset: block?.compressedOffset ?? streamStart)
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = try buffer.withUnsafeMutableBytes { try inflater.read(into: $0) }
            guard count > 0, try body(buffer[0..<count]) else { return }
        }
    }
}
