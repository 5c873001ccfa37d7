/// The redacted view of a text that arrives in pieces: every span's bytes are replaced by its
/// token, written once where the span starts (SPEC §7). Fed consecutive chunks of the whole
/// text it yields exactly `Redaction.apply`; fed one line, with the spans that touch it, it
/// yields that line's part of the view (a span that began on an earlier line only removes
/// bytes), so line numbers stay those of the stored text.
struct RedactingStream {
    struct Span: Sendable {
        var start: Int64
        var end: Int64
        var token: [UInt8]
    }

    private let spans: [Span]
    private var next = 0
    /// Absolute offset of the next byte fed.
    private var position: Int64

    /// `spans` sorted by start and not overlapping; `position` is the offset of the first byte
    /// that will be fed.
    init(spans: [Span], position: Int64 = 0) {
        self.spans = spans
        self.position = position
        next = spans.firstIndex { $0.end > position } ?? spans.count
    }

    /// Appends the view of `chunk` to `out`.
    mutating func feed(_ chunk: UnsafeRawBufferPointer, into out: inout [UInt8]) {
        let chunkEnd = position + Int64(chunk.count)
        var cursor = position
        while cursor < chunkEnd {
            guard next < spans.count, spans[next].start < chunkEnd else {
                out += chunk[Int(cursor - position)...]
                break
            }
            let span = spans[next]
            guard span.end > cursor else {  // Overlaps the previous span: already covered.
                next += 1
                continue
            }
            if span.start > cursor {
                out += chunk[Int(cursor - position)..<Int(span.start - position)]
                cursor = span.start
            }
            if span.start == cursor { out += span.token }
            cursor = min(span.end, chunkEnd)
            if span.end <= chunkEnd { next += 1 }
        }
        position = chunkEnd
    }
}
