import Testing
@testable import TRCAACore

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

    @Test func theScannerFindsTheSameSpansWhateverTheChunkSize() throws {
        var text = SyntheticLog.text(400)
        text += Array("-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA\nabc\n-----END RSA PRIVATE KEY-----\ncard 4111 1111 1111 1111\n".utf8)
        let whole = text.withUnsafeBytes { PIIDetector.spans(in: $0) }
        #expect(whole.contains { $0.type == .privateKey })
        for chunk in [1, 7, 64, 4096] {
            #expect(scanned(text, chunk: chunk) == whole, "chunk size \(chunk)")
        }
    }

    /// Found by fuzzing (pii-scan): the scanner held back from the last open BEGIN line, so
    /// the first one was scanned without its END, while the detector runs the block from the
    /// first BEGIN to the END.
    @Test func aBeginLineInsideAnOpenKeyBlockDoesNotSplitIt() {
        let text = Array("""
            T-----BEGIN PRIVATE KEY-----
            MIIEvQIBADANBgkqhkiG9w0-----BEGIN PRIVATE KEY-----
            MIIEvQIBADANBgkqhkiG9w0BAQEXk56ZzXI=
            -----END PRIVATE KEY-----
            """.utf8)
        let whole = text.withUnsafeBytes { PIIDetector.spans(in: $0) }
        #expect(whole.map(\.type) == [.privateKey])
        for chunk in [1, 29, 52, 4096] {
            #expect(scanned(text, chunk: chunk) == whole, "chunk size \(chunk)")
        }
    }

    /// Found by fuzzing (pii-scan): the scanner took any END line as closing the block and
    /// knew BEGIN in capitals only; the detector wants the END of the same label, in any case.
    @Test(arguments: [
        "p-----BEGIN RSA PRIVATE KEY-----\n-----END PRIVATE KEY-----\n-----END RSA PRIVATE KEY-----",
        "x\n-----begin rsa private key-----\nMIIBOgIBAAJBAKj34Gkx\n-----END rsa private key-----\n",
        "-----BEGIN EC PRIVATE KEY-----\nAA\n-----END EC PRIVATE KEY----- -----BEGIN EC PRIVATE KEY-----\nBB\n",
    ])
    func keyBlocksAreHeldBackAsTheDetectorReadsThem(_ text: String) {
        let bytes = Array(text.utf8)
        let whole = bytes.withUnsafeBytes { PIIDetector.spans(in: $0) }
        #expect(whole.contains { $0.type == .privateKey })
        for chunk in 1...12 {
            #expect(scanned(bytes, chunk: chunk) == whole, "chunk size \(chunk)")
        }
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

/// The text bits a worker keeps from block to block find what fresh ones find, whatever the
/// size of the text before.
@Test func reusedTextBitsFindTheSpansOfFreshOnes() {
    let large = Array(String(repeating: "host db-7.example.com at 10.0.0.7 mail ops@example.org ", count: 300).utf8)
    let small = Array("card 4111 1111 1111 1111 from 192.168.1.1".utf8)
    var textBits: [UInt64] = []
    for text in [large, small, large] {
        let reused = text.withUnsafeBytes { PIIDetector.spans(in: $0, textBits: &textBits) }
        #expect(reused == text.withUnsafeBytes { PIIDetector.spans(in: $0) })
        #expect(!reused.isEmpty)
    }
}
