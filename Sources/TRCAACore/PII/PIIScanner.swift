/// A span and the text it covers.
public struct PIIFinding: Sendable, Equatable {
    public var span: PIISpan
    public var value: String
}

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
    public mutating func feed(_ chunk: UnsafeRawBufferPointer) -> [PIIFinding] {
        pending.append(contentsOf: chunk)
        guard let lastNewline = pending.lastIndex(of: 10) else {
            return pending.count > Self.maximumPending ? scan(upTo: cutPoint()) : []
        }
        var end = lastNewline + 1
        if let openKey = openPrivateKey(before: end) {
            // The END line is still to come; keep the block (unless it runs too long to be one).
            if pending.count - openKey <= Self.maximumPending { end = openKey }
        }
        return end > 0 ? scan(upTo: end) : []
    }

    /// Scans what is left at the end of the stream.
    public mutating func finish() -> [PIIFinding] { scan(upTo: pending.count) }

    private mutating func scan(upTo end: Int) -> [PIIFinding] {
        let findings = pending.withUnsafeBytes { bytes in
            PIIDetector.spans(in: UnsafeRawBufferPointer(rebasing: bytes[0..<end])).map { span in
                PIIFinding(span: PIISpan(type: span.type, start: span.start + pendingOffset, end: span.end + pendingOffset),
                           value: String(decoding: bytes[span.start..<span.end], as: UTF8.self))
            }
        }
        pending.removeFirst(end)
        pendingOffset += end
        return findings
    }

    /// A cut for an over-long line: after the last space, else at the limit.
    private func cutPoint() -> Int {
        (pending[..<Self.maximumPending].lastIndex(of: 32)).map { $0 + 1 } ?? Self.maximumPending
    }

    /// The start of the line holding a `-----BEGIN … PRIVATE KEY-----` with no END after it.
    private func openPrivateKey(before end: Int) -> Int? {
        let begin = Array("-----BEGIN ".utf8), finish = Array("-----END ".utf8)
        guard let start = lastOccurrence(of: begin, before: end) else { return nil }
        guard pending[start..<min(end, start + 80)].starts(with: begin),
              String(decoding: pending[start..<min(end, start + 80)], as: UTF8.self).contains("PRIVATE KEY-----"),
              lastOccurrence(of: finish, before: end).map({ $0 < start }) ?? true else { return nil }
        return (pending[..<start].lastIndex(of: 10)).map { $0 + 1 } ?? 0
    }

    private func lastOccurrence(of needle: [UInt8], before end: Int) -> Int? {
        guard end >= needle.count else { return nil }
        var index = end - needle.count
        while index >= 0 {
            if pending[index] == needle[0], pending[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index -= 1
        }
        return nil
    }
}
