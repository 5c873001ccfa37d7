import Testing
@testable import TRCAACore

/// What the scan reads a word at a time, many bytes at a time or from a text's bits is what
/// a byte-at-a-time reading gives: digit runs, the planes of a text's bytes, and needles.
@Suite struct ByteTextTests {
    @Test(arguments: 1...20 as ClosedRange<UInt64>)
    func digitRunsReadAtOnceAreThoseReadByteByByte(seed: UInt64) {
        var random = PIIPropertyTests.SeededRandom(state: seed)
        // Digits in runs of every length around eight, between other bytes (and non-ASCII ones).
        let bytes = (0..<300).map { _ in
            Int.random(in: 0..<10, using: &random) < 7 ? UInt8(ascii: "0") + UInt8.random(in: 0...9, using: &random)
                : [UInt8(ascii: ":"), UInt8(ascii: "a"), 0x2f, 0x3a, 0xb0, 0xb9].randomElement(using: &random)!
        }
        bytes.withUnsafeBytes { buffer in
            let text = ByteText(buffer)
            for index in -2...(bytes.count + 2) {
                #expect(text.digitStart(before: index) == text.runStart(.digit, before: index), "before \(index)")
            }
            TextBits.of(text) { bits in
                for index in 0...bytes.count {
                    #expect(bits.digitEnd(from: index) == text.runEnd(.digit, from: index), "from \(index)")
                }
            }
        }
    }

    /// Each plane, made 64 bytes at a time (AVX-512 VBMI), 32 (AVX2) or byte by byte, as this
    /// machine has them, holds the bytes of its class, for every byte value; bytes past the
    /// text's end have none, though the memory after it holds letters, digits and announcers,
    /// and neither have the blocks before and after the planes.
    @Test(arguments: 1...12 as ClosedRange<UInt64>)
    func planesAreTheBytesClassesAtEveryWidth(seed: UInt64) {
        var random = PIIPropertyTests.SeededRandom(state: seed)
        let edges: [UInt8] = [0x2f, 0x30, 0x39, 0x3a, 0x40, 0x41, 0x5a, 0x5b, 0x60, 0x61, 0x7a, 0x7b, 0x3d, 0x2b, 0x28, 0x2d, 0x2e,
                              0x5f, 0x20, 0x45, 0x65, 0x50, 0x70, 0x42, 0x62, 0xc5, 0xe5, 0xc1, 0xfa]
        let bytes = ((0...255).map(UInt8.init) + (0..<Int(seed) * 23).map { _ in
            Bool.random(using: &random) ? UInt8.random(in: 0...255, using: &random) : edges.randomElement(using: &random)!
        }).shuffled(using: &random)
        let classes: [(name: String, plane: KeyPath<TextBits, UnsafePointer<UInt64>>, has: (UInt8) -> Bool)] = [
            ("alnum", \.alnum, { (0x30...0x39).contains($0) || (0x41...0x5a).contains($0) || (0x61...0x7a).contains($0) }),
            ("digit", \.digits, { (0x30...0x39).contains($0) }), ("upper", \.upper, { (0x41...0x5a).contains($0) }),
            ("announcer", \.announcers, { ":=@+(".utf8.contains($0) }), ("joiner", \.joiners, { "-_.:".utf8.contains($0) }),
            ("hyphen", \.hyphens, { $0 == 0x2d }), ("veto", \.plainVetoes, { "ebpEBP".utf8.contains($0) }),
            ("dot", \.dots, { $0 == 0x2e }), ("colon", \.colons, { $0 == 0x3a }), ("slash", \.slashes, { $0 == 0x2f }),
            ("parenthesis", \.parentheses, { $0 == 0x28 }), ("space", \.spaces, { $0 == 0x20 }),
        ]
        // Each width's storage is reused from a longer text to shorter ones, whose blocks around
        // the planes lie where the longer text's planes were.
        var storages: [Int32: [UInt64]] = [:]
        for count in [bytes.count, bytes.count - 1, 64, 63, 0] {
            (bytes + Array(String(repeating: "a5:(", count: 30).utf8)).withUnsafeBytes { memory in
                let text = ByteText(UnsafeRawBufferPointer(rebasing: memory[..<count]))
                var planesByWidth: [[[UInt64]]] = []
                for width: Int32 in [512, 256, 0] {
                    var storage = storages[width] ?? []
                    defer { storages[width] = storage }
                    let planes = TextBits.of(text, reusing: &storage, width: width) { bits in
                        #expect(bits.blocks == count / 64 + 1)
                        return classes.map { name, plane, has in
                            let blocks = (-1...bits.blocks).map { bits[keyPath: plane][$0] }
                            #expect(blocks.first == 0 && blocks.last == 0, "\(name) around the planes")
                            for index in 0..<(bits.blocks * 64) {
                                let expected = index < count && has(bytes[index])
                                #expect(blocks[1 + index / 64] >> UInt64(index % 64) & 1 == (expected ? 1 : 0),
                                        "\(name) at \(index) of \(count), width \(width)")
                            }
                            return blocks
                        }
                    }
                    planesByWidth.append(planes)
                }
                #expect(planesByWidth[0] == planesByWidth[2] && planesByWidth[1] == planesByWidth[2])
            }
        }
    }

    /// A text's digit runs and announcers read from its bits are those a
    /// byte-by-byte reading finds, for lengths around the 64-byte blocks, with words across
    /// their edges and up to the text's end (the memory after it holding more words).
    @Test(arguments: [0, 1, 2, 63, 64, 65, 127, 128, 129, 191, 300])
    func textBitsAreWhatAByteByByteReadingFinds(count: Int) {
        var random = PIIPropertyTests.SeededRandom(state: UInt64(count) + 1)
        let pieces = ["abc", "12", "x9y", "", " ", ":", "=", "@", "+", "(", "-", ".", "é", "\n", "0123456789", "Word"]
        var bytes: [UInt8] = []
        while bytes.count < count { bytes += Array(pieces.randomElement(using: &random)!.utf8) }
        bytes = Array(bytes.prefix(count))
        (bytes + Array("a1:b2".utf8)).withUnsafeBytes { memory in
            let text = ByteText(UnsafeRawBufferPointer(rebasing: memory[..<count]))
            TextBits.of(text) { bits in
                for index in 0...count {
                    #expect(bits.digitEnd(from: index) == text.runEnd(.digit, from: index), "digits end from \(index)")
                }
                var announcers: [Int] = []
                bits.forEachAnnouncer { announcers.append($0) }
                #expect(announcers == (0..<count).filter { ":=@+(".utf8.contains(bytes[$0]) })
            }
        }
    }

    /// A needle is found where a byte-by-byte search finds it, from every start (before the
    /// text too), near and at the text's end or a limit (the bytes after completing the needle) and
    /// among near misses (runs of the first byte, the last byte where it would end).
    @Test(arguments: 1...10 as ClosedRange<UInt64>)
    func needlesAreFoundWhereAByteByByteSearchFindsThem(seed: UInt64) {
        var random = PIIPropertyTests.SeededRandom(state: seed)
        let needles = ["-----", "mysql", "-", "--", "-----END RSA PRIVATE KEY-----"].map { Array($0.utf8) }
        let pieces = ["-", "----", "-----", "mysq", "mysql", "l", "x", "\n", "-----END RSA PRIVATE KEY----", "-----END RSA PRIVATE KEY-----"]
        let mixed = Array((0..<60).map { _ in pieces.randomElement(using: &random)! }.joined().utf8)
        for needle in needles {
            // The random text, and texts ending in each part of the needle with its rest after them.
            let texts = [(mixed, [UInt8]())] + (1..<needle.count).map { (Array("xx -- my ".utf8) + needle.prefix($0), Array(needle.dropFirst($0))) }
            for (bytes, rest) in texts {
                (bytes + rest).withUnsafeBytes { memory in
                    let text = ByteText(UnsafeRawBufferPointer(rebasing: memory[..<bytes.count]))
                    for from in -3...(bytes.count + 1) {
                        let first = max(from, 0)
                        let expected = (first..<max(first, bytes.count - needle.count + 1)).first { Array(bytes[$0..<($0 + needle.count)]) == needle }
                        #expect(text.end(ofFirst: needle, from: from) == expected.map { $0 + needle.count }, "\(needle.count) bytes from \(from)")
                        // The same text as the part of a longer one before a limit.
                        #expect(ByteText(memory).end(ofFirst: needle, from: from, before: bytes.count) == expected.map { $0 + needle.count },
                                "\(needle.count) bytes from \(from) before \(bytes.count)")
                    }
                }
            }
        }
    }
}
