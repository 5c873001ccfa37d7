#if DEBUG
@testable import TRCAACore

extension FuzzTarget {
    /// The detector over the whole text against the streaming scanner fed the same text in
    /// chunks of 1 to 300 bytes: the spans must be the same, sorted, apart and in bounds.
    static let piiScan = FuzzTarget(name: "pii-scan", summary: "PII detectors: whole text vs chunked scanner") { input in
        let (seed, text) = input.splitFirstByte()
        let whole = text.withUnsafeBytes { PIIDetector.spans(in: $0) }
        var scanner = PIIScanner()
        var chunked: [PIISpan] = []
        for chunk in FuzzInput.chunks(of: text, seed: seed, maximum: 300) {
            chunked += chunk.withUnsafeBytes { scanner.feed($0) }
        }
        chunked += scanner.finish()
        require(whole == chunked, "chunked spans \(chunked) differ from whole-text spans \(whole)")
        var end = 0
        for span in whole {
            require(span.start >= end && span.start < span.end && span.end <= text.count, "span \(span) out of order or bounds")
            end = span.end
        }
    }

    /// The redaction engine on the detected spans: fed in chunks it writes what it writes for
    /// the whole text, and no value survives outside the tokens more often than it appears
    /// untouched (outside every span) in the input.
    static let redaction = FuzzTarget(name: "redaction", summary: "redaction engine: chunks, no span value left") { input in
        let (seed, text) = input.splitFirstByte()
        let spans = text.withUnsafeBytes { PIIDetector.spans(in: $0) }
        let redactor = Redactor(spans: spans.map { Redactor.Span(start: Int64($0.start), end: Int64($0.end), type: $0.type.code) })
        let (whole, tokens) = text.withUnsafeBytes { redactor.view(of: $0) }
        require(whole == text.withUnsafeBytes { Redaction.apply(spans, to: $0) }, "view and apply differ")
        var cursor = redactor.cursor()
        var chunked: [UInt8] = []
        for chunk in FuzzInput.chunks(of: text, seed: seed, maximum: 64) {
            chunk.withUnsafeBytes { redactor.feed($0, at: &cursor, into: &chunked) }
        }
        require(chunked == whole, "chunked redaction differs from the whole text's")
        _ = text.withUnsafeBytes { Redaction.apply(spans, to: $0, tokens: .numbered) }

        var plain: [ArraySlice<UInt8>] = []  // the output between tokens
        var from = 0
        for token in tokens {
            plain.append(whole[from..<token.range.lowerBound])
            from = token.range.upperBound
        }
        plain.append(whole[from...])
        for span in spans {
            let value = text[span.start..<span.end]
            let untouched = occurrences(of: value, in: text[...]).filter { start in
                !spans.contains { $0.start < start + value.count && start < $0.end }
            }.count
            let left = plain.reduce(0) { $0 + occurrences(of: value, in: $1).count }
            require(left <= untouched, "value of \(span) left \(left) times in the redacted text")
        }
    }

    /// Where `needle` starts in `haystack` (indexes of `haystack`'s base).
    private static func occurrences(of needle: ArraySlice<UInt8>, in haystack: ArraySlice<UInt8>) -> [Int] {
        guard !needle.isEmpty, needle.count <= haystack.count else { return [] }
        return (haystack.startIndex...(haystack.endIndex - needle.count)).filter {
            haystack[$0..<($0 + needle.count)].elementsEqual(needle)
        }
    }
}
#endif
