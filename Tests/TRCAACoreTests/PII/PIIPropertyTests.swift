import Testing
import TRCAACore

/// Rules of the scanner and of redaction over many generated texts (the pii-scan and
/// redaction fuzz targets check the same rules on arbitrary bytes).
@Suite struct PIIPropertyTests {
    /// A fixed-seed generator, so a failure names the seed that reproduces it.
    struct SeededRandom: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {  // a 64-bit LCG, its weak low bits folded in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state ^ (state >> 29)
        }
    }

    static let fragments = [
        "card 4111 1111 1111 1111 declined", "iban DE89 3704 0044 0532 0130 00", "host fe80::1ff:fe23:4567:890a up",
        "call +1 415-555-0132", "password=hunter2", "AKIAIOSFODNN7EXAMPLE", "mail bob.smith@example.org",
        "token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U",
        "-----BEGIN RSA PRIVATE KEY-----\nMIIBOgIBAAJBAKj34GkxFhD90vcNLYLInFEX\n-----END RSA PRIVATE KEY-----",
        "-----begin ec private key-----\nMHcCAQEEIBkg\n-----END ec private key-----", "ssn 078-05-1120", "-----",
    ]

    /// Log lines and PII fragments in random order, joined by random separators.
    static func text(seed: UInt64) -> [UInt8] {
        var random = SeededRandom(state: seed)
        let lines = SyntheticLog.lines(40, seed: seed)
        let pieces = (0..<60).map { _ in
            Bool.random(using: &random) ? lines.randomElement(using: &random)! : fragments.randomElement(using: &random)!
        }
        return Array(pieces.map { $0 + ["\n", "\r\n", " ", ""].randomElement(using: &random)! }.joined().utf8)
    }

    @Test(arguments: 1...40 as ClosedRange<UInt64>)
    func chunkedScanningFindsTheSpansOfTheWholeText(seed: UInt64) {
        let text = Self.text(seed: seed)
        let whole = text.withUnsafeBytes { PIIDetector.spans(in: $0) }
        var random = SeededRandom(state: seed)
        for _ in 0..<3 {
            var scanner = PIIScanner()
            var spans: [PIISpan] = []
            var offset = 0
            while offset < text.count {
                let end = min(text.count, offset + Int.random(in: 1...200, using: &random))
                spans += text[offset..<end].withUnsafeBytes { scanner.feed($0) }
                offset = end
            }
            #expect(spans + scanner.finish() == whole, "seed \(seed)")
        }
    }

    @Test(arguments: 1...40 as ClosedRange<UInt64>)
    func redactionLeavesNoValueThatOnlySpansHeld(seed: UInt64) {
        let text = Self.text(seed: seed)
        let spans = text.withUnsafeBytes { PIIDetector.spans(in: $0) }
        let redacted = String(decoding: text.withUnsafeBytes { Redaction.apply(spans, to: $0) }, as: UTF8.self)
        // The text with every span blanked: a value still in it was also written outside any span.
        var blanked = text
        for span in spans { blanked.replaceSubrange(span.start..<span.end, with: repeatElement(0, count: span.length)) }
        let outside = String(decoding: blanked, as: UTF8.self)
        for span in spans {
            let value = String(decoding: text[span.start..<span.end], as: UTF8.self)
            guard !outside.contains(value) else { continue }
            #expect(!redacted.contains(value), "seed \(seed): \(span.type) value left")
        }
    }
}
