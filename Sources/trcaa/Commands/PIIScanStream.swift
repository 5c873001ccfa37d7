import Foundation
import TRCAACore

/// `trcaa pii scan` over stdin as a stream: read a MiB at a time through `PIIScanner`, as an
/// import reads a log, so memory stays a few MiB however long the input (the whole of it with
/// the scan's bits took 2.5 bytes a byte), and the findings are those an import of the same
/// text stores (a line over 1 MiB is scanned in pieces cut at a space).
struct PIIScanStream {
    private var scanner = PIIScanner()
    /// Text read and not passed yet: from `textStart` in the stream to what was read last.
    private var text: [UInt8] = []
    private var textStart = 0
    private var chunk = [UInt8](repeating: 0, count: 1 << 20)

    /// Reads stdin to its end. After each read, `handle` gets the spans it completed (stream
    /// offsets, in order) and the text from `textStart` to where the scan has reached, which
    /// holds them; that text is then dropped.
    ///
    /// - throws: `CommandFailure` when stdin cannot be read.
    mutating func run(_ handle: (_ spans: [PIISpan], _ text: UnsafeRawBufferPointer, _ textStart: Int) throws -> Void) throws {
        var finished = false
        while !finished {
            let count = try readStdin()
            finished = count == 0
            var spans: [PIISpan] = []
            if finished {
                scanner.finish { span, _ in spans.append(span) }
            } else {
                text.append(contentsOf: chunk[..<count])
                chunk.withUnsafeBytes { chunk in
                    scanner.feed(UnsafeRawBufferPointer(rebasing: chunk[..<count])) { span, _ in spans.append(span) }
                }
            }
            let scanned = scanner.scannedUpTo - textStart
            try text.withUnsafeBytes { try handle(spans, UnsafeRawBufferPointer(rebasing: $0[..<scanned]), textStart) }
            text.removeFirst(scanned)
            textStart += scanned
        }
    }

    /// Up to a chunk of stdin; 0 at its end.
    private mutating func readStdin() throws -> Int {
        while true {
            let count = chunk.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress, $0.count) }
            if count >= 0 { return count }
            guard errno == EINTR else {
                throw CommandFailure(report: ErrorReport(
                    message: "cannot read stdin: \(String(cString: strerror(errno)))", hint: nil, code: ExitStatus.ioError))
            }
        }
    }
}

/// Where a stream's findings stand as LINE:COLUMN, the column in characters: lines and columns
/// are counted on from the last position, never from the start of the line again (a long line
/// of findings took time in the square of its length).
struct TextPosition {
    private(set) var line = 1
    private(set) var column = 1
    /// The stream offset the line and column are those of.
    private(set) var offset = 0

    /// Moves on to `target`; `text` holds the stream from `textStart`, at or before `offset`.
    mutating func advance(to target: Int, in text: UnsafeRawBufferPointer, from textStart: Int) {
        let passed = UnsafeRawBufferPointer(rebasing: text[(offset - textStart)..<(target - textStart)])
        var lineStart = 0
        for (index, byte) in passed.enumerated() where byte == 10 {
            line += 1
            lineStart = index + 1
        }
        if lineStart > 0 { column = 1 }
        column += String(decoding: passed[lineStart...], as: UTF8.self).count
        offset = target
    }
}
