import Testing
@testable import TRCAACore

/// The one redaction engine: a whole text, any chunking of it and single lines give the same
/// view, with plain or numbered tokens.
@Suite struct RedactorTests {
    let text = Array("""
        a 10.0.0.1 b bob@example.com c 10.0.0.2
        -----BEGIN PRIVATE KEY-----
        AAAA
        -----END PRIVATE KEY-----
        again 10.0.0.1 and carol@example.org, bob@example.com
        z
        """.utf8)

    private var spans: [PIISpan] { text.withUnsafeBytes { PIIDetector.spans(in: $0) } }

    private func redactor(_ tokens: RedactionTokens) -> Redactor {
        var numbering = PseudonymNumbering()
        return Redactor(spans: spans.map { span in
            Redactor.Span(start: Int64(span.start), end: Int64(span.end), type: span.type.code,
                          number: numbering.number(of: text[span.start..<span.end], type: span.type.code))
        }, tokens: tokens)
    }

    @Test func numberedTokensNameEachValueByItsFirstAppearancePerType() {
        #expect(spans.count == 7)
        let redacted = String(decoding: text.withUnsafeBytes { Redaction.apply(spans, to: $0, tokens: .numbered) }, as: UTF8.self)
        #expect(redacted == """
            a [IPv4#1] b [Email#1] c [IPv4#2]
            [PrivateKey#1]
            again [IPv4#1] and [Email#2], [Email#1]
            z
            """)
        let plain = String(decoding: text.withUnsafeBytes { Redaction.apply(spans, to: $0) }, as: UTF8.self)
        #expect(plain.hasPrefix("a [IPv4] b [Email] c [IPv4]\n[PrivateKey]\nagain [IPv4]"))
    }

    @Test func anyChunkingGivesTheViewOfTheWholeText() {
        for tokens in RedactionTokens.allCases {
            let redactor = redactor(tokens)
            let expected = text.withUnsafeBytes { redactor.apply(to: $0) }
            #expect(expected == text.withUnsafeBytes { Redaction.apply(spans, to: $0, tokens: tokens) })
            for size in 1...text.count {
                var cursor = redactor.cursor()
                var out: [UInt8] = []
                for start in stride(from: 0, to: text.count, by: size) {
                    text[start..<min(text.count, start + size)].withUnsafeBytes { redactor.feed($0, at: &cursor, into: &out) }
                }
                #expect(out == expected, "\(tokens) tokens, chunks of \(size)")
            }
        }
    }

    @Test func linesAreTheLinesOfTheWholeViewAndTokensAreWhereTheySay() {
        for tokens in RedactionTokens.allCases {
            let redactor = redactor(tokens)
            var offset: Int64 = 0
            var lines: [[UInt8]] = []
            for line in text.split(separator: 10, omittingEmptySubsequences: false) {
                let view = line.withUnsafeBytes { redactor.view(of: $0, at: offset) }
                for token in view.tokens {
                    #expect(view.bytes[token.range].first == UInt8(ascii: "[") && view.bytes[token.range].last == UInt8(ascii: "]"))
                    #expect(redactor.spans[token.span].start >= offset, "a token is shown on the line its span starts on")
                }
                lines.append(view.bytes)
                offset += Int64(line.count + 1)
            }
            // The key's three lines: the token on the first, nothing left of the others, so line
            // numbers stay; the whole view has the token alone. Every other line is as there.
            #expect(lines[1] == Array((tokens == .plain ? "[PrivateKey]" : "[PrivateKey#1]").utf8) && lines[2].isEmpty && lines[3].isEmpty)
            let whole = text.withUnsafeBytes { redactor.apply(to: $0) }
            #expect(lines.filter { !$0.isEmpty } == whole.split(separator: 10).map(Array.init))
        }
    }
}
