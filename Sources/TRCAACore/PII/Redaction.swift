/// The redacted view of a text held in memory (`trcaa pii scan --redact`): every detected span
/// replaced by its token, by the engine that redacts stored logs (`Redactor`).
public enum Redaction {
    /// `bytes` with each span (sorted, non-overlapping, byte offsets) replaced by its token;
    /// numbered tokens count the values of `bytes` in order of first appearance.
    public static func apply(_ spans: [PIISpan], to bytes: UnsafeRawBufferPointer,
                             tokens: RedactionTokens = .plain) -> [UInt8] {
        var numbering = PseudonymNumbering()
        let spans = spans.filter { $0.end <= bytes.count }.map { span in
            Redactor.Span(start: Int64(span.start), end: Int64(span.end), type: span.type.code,
                          number: tokens == .numbered ? numbering.number(of: bytes[span.start..<span.end], type: span.type.code) : 0)
        }
        return Redactor(spans: spans, tokens: tokens).apply(to: bytes)
    }

    public static func apply(_ spans: [PIISpan], to text: String, tokens: RedactionTokens = .plain) -> String {
        var copy = text
        return copy.withUTF8 { String(decoding: apply(spans, to: UnsafeRawBufferPointer($0), tokens: tokens), as: UTF8.self) }
    }
}
