import Testing
@testable import TRCAAStore

/// Client-side sealing of a team store's content (issue #19): the content key wrapped under the
/// passphrase, values bound to their cells, and large content sealed in segments read by range.
@Suite struct ContentSealingTests {
    let sealer = ContentSealer(key: .generate())
    let cell = BlobCell(table: "log_files", column: "content_compressed", key: .text("log-1"))

    private func isDamage(_ error: any Error) -> Bool {
        if case .sqlite(let failure) = error as? StoreError { failure.meansDamage } else { false }
    }

    @Test func theContentKeyOpensOnlyWithThePassphraseItWasWrappedUnder() throws {
        let key = ContentKey.generate()
        let wrapped = try key.wrapped(under: Passphrase(passphrase: "team secret"), iterations: 1000)
        let text = wrapped.description
        #expect(text.hasPrefix("v1:1000:") && !text.contains("team secret"))
        let read = try #require(WrappedContentKey(text))
        #expect(read == wrapped)

        // The unwrapped key opens what the original sealed.
        let sealed = ContentSealer(key: key).seal(Array("a log line".utf8), for: cell)
        let unwrapped = try ContentKey(unwrapping: read, with: Passphrase(passphrase: "team secret"), store: "postgres://db/trcaa")
        #expect(try ContentSealer(key: unwrapped).open(sealed, for: cell) == Array("a log line".utf8))

        #expect(throws: StoreError.wrongKey(path: "postgres://db/trcaa")) {
            try ContentKey(unwrapping: read, with: Passphrase(passphrase: "team secreT"), store: "postgres://db/trcaa")
        }
        // A new salt and nonce each time; damaged text forms are refused.
        #expect(try key.wrapped(under: Passphrase(passphrase: "team secret"), iterations: 1000) != wrapped)
        // An iteration count no key is wrapped with would hold the open for ever.
        for damaged in ["", "v2" + text.dropFirst(2), text.replacingOccurrences(of: "v1:1000:", with: "v1:x:"), String(text.dropLast(4)),
                        text.replacingOccurrences(of: "v1:1000:", with: "v1:9223372036854775807:")] {
            #expect(WrappedContentKey(damaged) == nil, "\(damaged)")
        }
    }

    @Test func theSeedsRoundsAreTheDefault() throws {
        let wrapped = try ContentKey.generate().wrapped(under: Passphrase(passphrase: "k"))
        #expect(wrapped.iterations == 256_000)
        _ = try ContentKey(unwrapping: wrapped, with: Passphrase(passphrase: "k"), store: "s")
    }

    @Test func aValueOpensOnlyInItsOwnCellAndUnaltered() throws {
        let plain = Array("alice@example.com logged in from 10.0.0.1".utf8)
        let sealed = sealer.seal(plain, for: cell)
        #expect(sealed.count == plain.count + 29 && sealed[0] == 1)
        #expect(!sealed.indices.dropLast(4).contains { Array(sealed[$0..<($0 + 5)]) == Array("alice".utf8) })
        #expect(sealer.seal(plain, for: cell) != sealed, "a new nonce each time")
        #expect(try sealer.open(sealed, for: cell) == plain)
        #expect(try sealer.open(sealer.seal([], for: cell), for: cell) == [])

        let elsewhere = [BlobCell(table: "log_files", column: "content_compressed", key: .text("log-2")),
                         BlobCell(table: "image_attachments", column: "content_compressed", key: .text("log-1")),
                         BlobCell(table: "log_files", column: "image_data", key: .text("log-1"))]
        for other in elsewhere {
            #expect(performing: { try sealer.open(sealed, for: other) }, throws: isDamage)
        }
        for index in [0, 1, 14, sealed.count - 1] {
            var altered = sealed
            altered[index] ^= 0x01
            #expect(performing: { try sealer.open(altered, for: cell) }, throws: isDamage)
        }
        #expect(performing: { try sealer.open(Array(sealed.dropLast()), for: cell) }, throws: isDamage)
        #expect(performing: { try ContentSealer(key: .generate()).open(sealed, for: cell) }, throws: isDamage)
    }

    @Test func textIsSealedIntoText() throws {
        let note = BlobCell(table: "documents", column: "content_md", key: .text("doc-1"))
        let sealed = sealer.seal(text: "# Post-mortem\nroot cause: ünïcode ✓", for: note)
        #expect(sealed.hasPrefix("trcaa:v1:") && !sealed.contains("Post-mortem"))
        #expect(try sealer.open(text: sealed, for: note) == "# Post-mortem\nroot cause: ünïcode ✓")
        for damaged in ["# Post-mortem", "trcaa:v1:", "trcaa:v1:!!!!", sealed.replacingOccurrences(of: "trcaa:v1:", with: "trcaa:v2:")] {
            #expect(performing: { try sealer.open(text: damaged, for: note) }, throws: isDamage)
        }
    }

    @Test(arguments: [0, 1, 63, 64, 65, 200])
    func segmentsReadBackAnyRange(length: Int) throws {
        let plain = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        // Pieces of uneven sizes, as deflate blocks come.
        var pieces: [[UInt8]] = []
        var start = 0
        while start < plain.count {
            let end = min(plain.count, start + 1 + start % 50)
            pieces.append(Array(plain[start..<end]))
            start = end
        }
        let sealed = sealer.sealSegments(pieces, for: cell, segmentSize: 64)
        #expect(sealed.count == 1 + max(1, (length + 63) / 64), "a header, then one piece a segment")
        let reader = try sealer.segmentReader(BytesBlobReader(Array(sealed.joined())), for: cell)
        #expect(reader.count == length)
        for (from, to) in [(0, length), (0, min(length, 1)), (length / 2, length), (max(0, length - 65), length), (min(length, 63), min(length, 129))] {
            var out = [UInt8](repeating: 0, count: to - from)
            try out.withUnsafeMutableBytes { try reader.read(into: $0, at: from) }
            #expect(out == Array(plain[from..<to]), "bytes \(from)..<\(to) of \(length)")
        }
        var past = [UInt8](repeating: 0, count: 1)
        #expect(performing: { try past.withUnsafeMutableBytes { try reader.read(into: $0, at: length) } }, throws: isDamage)
    }

    @Test func segmentsCannotBeAlteredReorderedDroppedOrMoved() throws {
        let plain = (0..<300).map { UInt8(truncatingIfNeeded: $0) }
        let pieces = sealer.sealSegments([plain], for: cell, segmentSize: 64)
        let whole = Array(pieces.joined())
        func readAll(_ bytes: [UInt8], as cell: BlobCell? = nil) throws -> [UInt8] {
            try sealer.openSegments(bytes, for: cell ?? self.cell)
        }
        #expect(try readAll(whole) == plain)

        var altered = whole
        altered[whole.count - 30] ^= 0x80
        #expect(performing: { try readAll(altered) }, throws: isDamage)
        // The first segment still opens: each is checked on its own.
        let reader = try sealer.segmentReader(BytesBlobReader(altered), for: cell)
        var first = [UInt8](repeating: 0, count: 64)
        try first.withUnsafeMutableBytes { try reader.read(into: $0, at: 0) }
        #expect(first == Array(plain[..<64]))

        let swapped = Array(([pieces[0], pieces[2], pieces[1]] + pieces[3...]).joined())
        #expect(performing: { try readAll(swapped) }, throws: isDamage)
        let dropped = Array(pieces.dropLast().joined())
        #expect(performing: { try readAll(dropped) }, throws: isDamage)
        let other = BlobCell(table: "log_files", column: "content_compressed", key: .text("log-2"))
        #expect(performing: { try readAll(whole, as: other) }, throws: isDamage)

        // A header claiming a shorter text, with the segments cut to match: every segment's
        // associated data holds the real header, so none opens.
        let shorter = SealedSegments(segmentSize: 64, plaintextLength: 128)
        let cut = shorter.header + Array(pieces[1...2].joined())
        #expect(performing: { try readAll(cut) }, throws: isDamage)
        #expect(performing: { try readAll(Array("not sealed at all".utf8)) }, throws: isDamage)
    }
}
