/// The redacted view of a text held in memory (`trcaa pii scan --redact`): every detected span
/// replaced by its token, by the engine that redacts stored logs (`Redactor`).
public enum Redaction {
    /// `bytes` with each span (sorted, non-overlapping, byte offsets) replaced by its token;
    /// numbered tokens count the values of `bytes` in order of first appearance.
    public static func apply(_ spans: [PIISpan], to bytes: UnsafeRawBufferPointer,
                             tokens: RedactionTokens = .plain) -> [UInt8] {
        var pieces = Pieces(tokens: tokens)
        return pieces.apply(spans, to: bytes)
    }

    public static func apply(_ spans: [PIISpan], to text: String, tokens: RedactionTokens = .plain) -> String {
        var copy = text
        return copy.withUTF8 { String(decoding: apply(spans, to: UnsafeRawBufferPointer($0), tokens: tokens), as: UTF8.self) }
    }

    /// Each of `texts` scanned for PII and redacted; numbered tokens count the values of all of
    /// them in order of first appearance, so a value keeps one number across them (a
    /// document's title and its text).
    public static func redact(_ texts: [String], tokens: RedactionTokens = .plain) -> [String] {
        var pieces = Pieces(tokens: tokens)
        return texts.map { text in
            var copy = text
            return copy.withUTF8 { utf8 in
                let bytes = UnsafeRawBufferPointer(utf8)
                return String(decoding: pieces.apply(PIIDetector.spans(in: bytes), to: bytes), as: UTF8.self)
            }
        }
    }

    /// Redacts a text piece after piece, with the spans of each piece (offsets in the piece):
    /// the pieces of a stream as `PIIScanner` scans it, or texts shown together. Numbered
    /// tokens count the values of all pieces, so a value keeps one number across them.
    public struct Pieces {
        private let tokens: RedactionTokens
        private var numbering = PseudonymNumbering()

        public init(tokens: RedactionTokens) { self.tokens = tokens }

        /// `piece` with each of `spans` replaced by its token.
        public mutating func apply(_ spans: [PIISpan], to piece: UnsafeRawBufferPointer) -> [UInt8] {
            Redaction.apply(spans, to: piece, tokens: tokens, numbering: &numbering)
        }
    }

    private static func apply(_ spans: [PIISpan], to bytes: UnsafeRawBufferPointer, tokens: RedactionTokens,
                              numbering: inout PseudonymNumbering) -> [UInt8] {
        let spans = spans.filter { $0.end <= bytes.count }.map { span in
            Redactor.Span(start: Int64(span.start), end: Int64(span.end), type: span.type.code,
                          number: tokens == .numbered ? numbering.number(of: bytes[span.start..<span.end], type: span.type.code) : 0)
        }
        return Redactor(spans: spans, tokens: tokens).apply(to: bytes)
    }
}
