import TRCAAStore

/// The one redaction engine (SPEC §7): every PII span's bytes are replaced by its token
/// (`[IPv4]`, or `[IPv4#3]` with numbered tokens), written once, where the span starts.
///
/// The same code serves a whole text (`apply`), consecutive chunks of it (`Cursor` and
/// `feed`: exports, purges, streams) and one line (`view`: the viewer, grep, `log show
/// --lines`). A line's view is the view of the text from the line's offset on, so a span
/// that began on an earlier line only removes bytes there (its token was shown where it
/// started) and line numbers stay those of the stored text.
struct Redactor: Sendable {
    /// A span as redaction needs it: byte offsets into the whole text (end exclusive), its
    /// type's code (`PackedSpans.typeNames`) and, for numbered tokens, its number (from 1).
    struct Span: Sendable, Equatable {
        var start: Int64
        var end: Int64
        var type: UInt8
        var number: UInt32 = 0
    }

    /// Where a stream of chunks is: the offset of the next byte fed and the first span not yet
    /// passed.
    struct Cursor: Sendable {
        var position: Int64
        var next: Int
    }

    /// Sorted by start, not overlapping.
    let spans: [Span]
    let tokens: RedactionTokens

    init(spans: [Span], tokens: RedactionTokens = .plain) {
        self.spans = spans
        self.tokens = tokens
    }

    /// A cursor for feeding the text from `position` on.
    func cursor(at position: Int64 = 0) -> Cursor {
        Cursor(position: position, next: firstSpan(endingAfter: position))
    }

    /// The index of the first span that ends after `offset` (binary search).
    func firstSpan(endingAfter offset: Int64) -> Int {
        var low = 0, high = spans.count
        while low < high {
            let middle = (low + high) / 2
            if spans[middle].end <= offset { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The spans that overlap `[offset, offset + count)`, as indexes into `spans`.
    func overlapping(offset: Int64, count: Int) -> Range<Int> {
        let lower = firstSpan(endingAfter: offset)
        var upper = lower
        while upper < spans.count, spans[upper].start < offset + Int64(count) { upper += 1 }
        return lower..<upper
    }

    /// Appends the view of `chunk`, the text at `cursor.position`, to `out` and moves the
    /// cursor past it. `token` is told where each token went in `out` and whose it is.
    func feed(_ chunk: UnsafeRawBufferPointer, at cursor: inout Cursor, into out: inout [UInt8],
              token: ((_ range: Range<Int>, _ span: Int) -> Void)? = nil) {
        let chunkEnd = cursor.position + Int64(chunk.count)
        var at = cursor.position
        while at < chunkEnd {
            guard cursor.next < spans.count, spans[cursor.next].start < chunkEnd else {
                out += chunk[Int(at - cursor.position)...]
                break
            }
            let span = spans[cursor.next]
            guard span.end > at else {  // Overlaps the previous span: already covered.
                cursor.next += 1
                continue
            }
            if span.start > at {
                out += chunk[Int(at - cursor.position)..<Int(span.start - cursor.position)]
                at = span.start
            }
            if span.start == at {
                let lower = out.count
                tokens.append(span, to: &out)
                token?(lower..<out.count, cursor.next)
            }
            at = min(span.end, chunkEnd)
            if span.end <= chunkEnd { cursor.next += 1 }
        }
        cursor.position = chunkEnd
    }

    /// The view of `bytes`, the text at `offset` (a line, or the whole text at 0), and where
    /// its tokens are.
    func view(of bytes: UnsafeRawBufferPointer, at offset: Int64 = 0) -> (bytes: [UInt8], tokens: [(range: Range<Int>, span: Int)]) {
        var cursor = cursor(at: offset)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var tokens: [(range: Range<Int>, span: Int)] = []
        feed(bytes, at: &cursor, into: &out) { tokens.append(($0, $1)) }
        return (out, tokens)
    }

    /// The view of a whole text.
    func apply(to bytes: UnsafeRawBufferPointer) -> [UInt8] {
        var cursor = cursor()
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        feed(bytes, at: &cursor, into: &out)
        return out
    }
}
