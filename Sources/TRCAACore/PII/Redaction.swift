/// The redacted view: every span replaced by its token (`[IPv4]`), computed on the fly.
public enum Redaction {
    /// `bytes` with each span (sorted, non-overlapping, byte offsets) replaced by its token.
    public static func apply(_ spans: [PIISpan], to bytes: UnsafeRawBufferPointer) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var cursor = 0
        for span in spans where span.start >= cursor && span.end <= bytes.count {
            out += bytes[cursor..<span.start]
            out += Array(span.type.token.utf8)
            cursor = span.end
        }
        out += bytes[cursor...]
        return out
    }

    public static func apply(_ spans: [PIISpan], to text: String) -> String {
        var copy = text
        return copy.withUTF8 { String(decoding: apply(spans, to: UnsafeRawBufferPointer($0)), as: UTF8.self) }
    }
}
