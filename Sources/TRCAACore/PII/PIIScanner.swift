/// The detector over a stream: fed chunks of any size, it finds the same spans as
/// `PIIDetector.spans(in:)` over the whole text. It scans whole lines only (detectors look
/// no further than their line), keeps the incomplete last line for the next chunk, and holds
/// back an unfinished private key block until its END line arrives.
public struct PIIScanner {
    /// Text not scanned yet: the incomplete last line, or an open PEM block.
    private var pending: [UInt8] = []
    /// Absolute offset of `pending[0]`.
    private var pendingOffset = 0
    /// The scan's bits of the text, kept from chunk to chunk (`TextBits.of(_:reusing:_:)`).
    private var textBits: [UInt64] = []
    /// Lines longer than this are scanned in pieces cut at a space (a span cannot cross the cut).
    public static let maximumPending = 1 << 20

    public init() {}

    /// How far the stream has been scanned: the spans found later start at or after it.
    public var scannedUpTo: Int { pendingOffset }

    /// Text that can be scanned now: `bytes[..<count]`, which starts at `offset` in the stream.
    /// Segments can be scanned in any order and on any thread (`spans(in:)`); in stream order
    /// their spans are the stream's.
    struct Segment: Sendable {
        var bytes: SharedBytes
        var count: Int
        var offset: Int
    }

    /// Scans what `chunk` completes; returns spans with absolute byte offsets.
    public mutating func feed(_ chunk: UnsafeRawBufferPointer) -> [PIISpan] {
        var spans: [PIISpan] = []
        feed(chunk) { span, _ in spans.append(span) }
        return spans
    }

    /// Scans what `chunk` completes; calls `found` with each span (absolute byte offsets) and
    /// the bytes it covers, which are valid only during the call. The chunk is scanned where
    /// it lies: only the line left open before it, completed by its first line, and the
    /// incomplete line it ends with are copied (all of it, while a private key block is open).
    public mutating func feed(_ chunk: UnsafeRawBufferPointer, _ found: (PIISpan, UnsafeRawBufferPointer) -> Void) {
        var rest = chunk
        if !pending.isEmpty {
            let lineEnd = ByteText(chunk).next(10, from: 0).map { $0 + 1 } ?? chunk.count
            if let segment = take(SharedBytes(Array(chunk[..<lineEnd]))) { Self.spans(in: segment, textBits: &textBits, found) }
            rest = UnsafeRawBufferPointer(rebasing: chunk[lineEnd...])
            guard pending.isEmpty else {
                // A private key block is still open: the rest waits with it, as `take` keeps it.
                if let segment = take(SharedBytes(Array(rest))) { Self.spans(in: segment, textBits: &textBits, found) }
                return
            }
        }
        let end = Self.scannableEnd(rest)
        Self.spans(in: UnsafeRawBufferPointer(rebasing: rest[..<end]), offset: pendingOffset, textBits: &textBits, found)
        pendingOffset += end
        pending = Array(rest[end...])
    }

    /// Scans what is left at the end of the stream.
    public mutating func finish() -> [PIISpan] {
        var spans: [PIISpan] = []
        finish { span, _ in spans.append(span) }
        return spans
    }

    /// Scans what is left at the end of the stream, calling `found` as `feed` does.
    public mutating func finish(_ found: (PIISpan, UnsafeRawBufferPointer) -> Void) {
        if let segment = takeRest() { Self.spans(in: segment, textBits: &textBits, found) }
    }

    /// Adds `chunk` to the stream and returns what it completes, keeping the rest (the
    /// incomplete last line, or an open PEM block) for the next chunk. Without text carried
    /// over, the segment is `chunk` itself: no copy.
    mutating func take(_ chunk: SharedBytes) -> Segment? {
        let text = pending.isEmpty ? chunk : SharedBytes(chunk.withUnsafeBytes { pending + $0 })
        let end = text.withUnsafeBytes(Self.scannableEnd)
        let segment = end > 0 ? Segment(bytes: text, count: end, offset: pendingOffset) : nil
        pendingOffset += end
        pending = end == text.count ? [] : text.withUnsafeBytes { Array($0[end...]) }
        return segment
    }

    /// What is left at the end of the stream.
    mutating func takeRest() -> Segment? {
        defer {
            pendingOffset += pending.count
            pending = []
        }
        return pending.isEmpty ? nil : Segment(bytes: SharedBytes(pending), count: pending.count, offset: pendingOffset)
    }

    /// The spans of a segment, with absolute offsets and the bytes each covers; `textBits` is
    /// the scan's memory, kept by the caller from segment to segment.
    static func spans(in segment: Segment, textBits: inout [UInt64], _ found: (PIISpan, UnsafeRawBufferPointer) -> Void) {
        segment.bytes.withUnsafeBytes {
            spans(in: UnsafeRawBufferPointer(rebasing: $0[..<segment.count]), offset: segment.offset, textBits: &textBits, found)
        }
    }

    /// The spans of `text`, which starts at `offset` in the stream.
    private static func spans(in text: UnsafeRawBufferPointer, offset: Int, textBits: inout [UInt64],
                              _ found: (PIISpan, UnsafeRawBufferPointer) -> Void) {
        for span in PIIDetector.spans(in: text, textBits: &textBits) {
            found(PIISpan(type: span.type, start: span.start + offset, end: span.end + offset),
                  UnsafeRawBufferPointer(rebasing: text[span.start..<span.end]))
        }
    }

    /// How much of `text` can be scanned now: its complete lines, but not a private key
    /// block whose END line is still to come (unless it runs too long to be one); a line
    /// longer than `maximumPending` is cut at a space.
    private static func scannableEnd(_ text: UnsafeRawBufferPointer) -> Int {
        guard let lastNewline = ByteText(text).last(10) else {
            return text.count > maximumPending ? cutPoint(text) : 0
        }
        let end = lastNewline + 1
        if let openKey = openPrivateKey(in: ByteText(UnsafeRawBufferPointer(rebasing: text[..<end]))),
           text.count - openKey <= maximumPending {
            return openKey
        }
        return end
    }

    /// A cut for an over-long line: after the last space, else at the limit.
    private static func cutPoint(_ text: UnsafeRawBufferPointer) -> Int {
        (text[..<maximumPending].lastIndex(of: 32)).map { $0 + 1 } ?? maximumPending
    }

    /// The five dashes around a PEM label.
    private static let dashes = Array("-----".utf8)

    /// The start of the line holding the first `-----BEGIN … PRIVATE KEY-----` (or PGP's
    /// `… PRIVATE KEY BLOCK-----`) that its END line does not follow, as the detector reads
    /// them: any case, the END of the same label, a BEGIN inside a whole block being part of it.
    /// When that line also ends a whole block, the text is held back from that block's start.
    private static func openPrivateKey(in text: ByteText) -> Int? {
        var from = 0
        var lastBlock: (lineStart: Int, end: Int)?
        // The start of the line of the last BEGIN, and that BEGIN: a line is read back once,
        // however many BEGIN lines it holds.
        var (knownLineStart, knownUpTo) = (0, 0)
        while let dashesEnd = text.end(ofFirst: dashes, from: from) {
            let start = dashesEnd - 5
            from = dashesEnd
            guard let label = SecretDetectors.privateKeyLabel(text, dash: start) else { continue }
            var lineStart = start
            while lineStart > knownUpTo, text[lineStart - 1] != 10 { lineStart -= 1 }
            if lineStart == knownUpTo, lineStart > 0, text[lineStart - 1] != 10 { lineStart = knownLineStart }
            (knownLineStart, knownUpTo) = (lineStart, start)
            if let lastBlock, lineStart < lastBlock.end { lineStart = lastBlock.lineStart }
            guard let end = SecretDetectors.privateKeyEnd(text, label: label) else { return lineStart }
            lastBlock = (lineStart, end)
            from = end
        }
        return nil
    }
}
