/// The detector over a stream: fed chunks of any size, it finds the same spans as
/// `PIIDetector.spans(in:)` over the whole text. It scans whole lines only (detectors look
/// no further than their line), keeps the incomplete last line for the next chunk, and holds
/// back an unfinished private key block until its END line arrives.
public struct PIIScanner {
    /// Text not scanned yet: the incomplete last line, or an open PEM block.
    private var pending: [UInt8] = []
    /// Absolute offset of `pending[0]`.
    private var pendingOffset = 0
    /// Lines longer than this are scanned in pieces cut at a space (a span cannot cross the cut).
    public static let maximumPending = 1 << 20

    public init() {}

    /// Scans what `chunk` completes; returns spans with absolute byte offsets.
    public mutating func feed(_ chunk: UnsafeRawBufferPointer) -> [PIISpan] {
        var spans: [PIISpan] = []
        feed(chunk) { span, _ in spans.append(span) }
        return spans
    }

    /// Scans what `chunk` completes; calls `found` with each span (absolute byte offsets) and
    /// the bytes it covers, which are valid only during the call.
    public mutating func feed(_ chunk: UnsafeRawBufferPointer, _ found: (PIISpan, UnsafeRawBufferPointer) -> Void) {
        guard pending.isEmpty else {
            var text = pending
            pending = []
            text.append(contentsOf: chunk)
            return text.withUnsafeBytes { scanComplete($0, found) }
        }
        // Nothing carried over: scan the chunk where it is and keep only its tail.
        scanComplete(chunk, found)
    }

    /// Scans the complete lines of `text` (which starts at `pendingOffset`) and keeps the rest
    /// as the new pending text.
    private mutating func scanComplete(_ text: UnsafeRawBufferPointer, _ found: (PIISpan, UnsafeRawBufferPointer) -> Void) {
        var end: Int
        if let lastNewline = ByteText(text).last(10) {
            end = lastNewline + 1
            if let openKey = Self.openPrivateKey(in: ByteText(UnsafeRawBufferPointer(rebasing: text[..<end]))),
               text.count - openKey <= Self.maximumPending {
                // The END line is still to come; keep the block (unless it runs too long to be one).
                end = openKey
            }
        } else {
            end = text.count > Self.maximumPending ? Self.cutPoint(text) : 0
        }
        if end > 0 { Self.scan(UnsafeRawBufferPointer(rebasing: text[..<end]), offset: pendingOffset, found) }
        pendingOffset += end
        pending = Array(text[end...])
    }

    /// Scans what is left at the end of the stream.
    public mutating func finish() -> [PIISpan] {
        var spans: [PIISpan] = []
        finish { span, _ in spans.append(span) }
        return spans
    }

    /// Scans what is left at the end of the stream, calling `found` as `feed` does.
    public mutating func finish(_ found: (PIISpan, UnsafeRawBufferPointer) -> Void) {
        pending.withUnsafeBytes { Self.scan($0, offset: pendingOffset, found) }
        pendingOffset += pending.count
        pending = []
    }

    private static func scan(_ text: UnsafeRawBufferPointer, offset: Int, _ found: (PIISpan, UnsafeRawBufferPointer) -> Void) {
        for span in PIIDetector.spans(in: text) {
            found(PIISpan(type: span.type, start: span.start + offset, end: span.end + offset),
                  UnsafeRawBufferPointer(rebasing: text[span.start..<span.end]))
        }
    }

    /// A cut for an over-long line: after the last space, else at the limit.
    private static func cutPoint(_ text: UnsafeRawBufferPointer) -> Int {
        (text[..<maximumPending].lastIndex(of: 32)).map { $0 + 1 } ?? maximumPending
    }

    /// The start of the line holding a `-----BEGIN … PRIVATE KEY-----` with no END after it.
    private static func openPrivateKey(in text: ByteText) -> Int? {
        // The last BEGIN line (found from its rare `PRIVATE KEY-----`), if no END follows it.
        var begin: Int?
        var from = 0
        while let marker = SecretDetectors.find("PRIVATE KEY-----", in: text, from: from) {
            from = marker
            var lineStart = marker
            while lineStart > 0, text[lineStart - 1] != 10 { lineStart -= 1 }
            if SecretDetectors.find("-----BEGIN ", in: text, from: lineStart).map({ $0 < marker }) == true {
                begin = lineStart
            } else if SecretDetectors.find("-----END ", in: text, from: lineStart).map({ $0 < marker }) == true {
                begin = nil
            }
        }
        return begin
    }
}
