import Testing
import TRCAACore

/// The streaming scanner finds what the whole-text detector finds, whatever the chunk size.
@Suite struct PIIScannerTests {
    private func scanned(_ text: [UInt8], chunk: Int) -> [PIISpan] {
        var scanner = PIIScanner()
        var found: [PIISpan] = []
        var offset = 0
        while offset < text.count {
            let end = min(text.count, offset + chunk)
            found += text[offset..<end].withUnsafeBytes { scanner.feed($0) }
            offset = end
        }
        return found + scanner.finish()
    }

    @Test func aPGPPrivateKeyBlockIsHeldBackUntilItsEndLine() {
        let block = """
            -----BEGIN PGP PRIVATE KEY BLOCK-----
            Version: GnuPG v2

            lQOYBF0aBCdEfGhIjKlMnOpQrStUvWxYz0123456789
            =Xk4j
            -----END PGP PRIVATE KEY BLOCK-----
            """
        let text = Array("key export at 10.0.0.1\n\(block)\nmail ana@example.org\n".utf8)
        let whole = text.withUnsafeBytes { PIIDetector.spans(in: $0) }
        #expect(whole.map(\.type) == [.ipv4, .privateKey, .email])
        #expect(whole[1].length == block.utf8.count)
        for chunk in [1, 5, 37, 64, 4096] {
            #expect(scanned(text, chunk: chunk) == whole, "chunk size \(chunk)")
        }
    }
}
