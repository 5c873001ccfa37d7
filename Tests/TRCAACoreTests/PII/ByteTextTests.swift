import Testing
@testable import TRCAACore

/// The digit runs read eight bytes at a time, or from the text's bits, are the runs a
/// byte-at-a-time reading gives.
@Suite struct ByteTextTests {
    @Test(arguments: 1...20 as ClosedRange<UInt64>)
    func digitRunsReadWordWiseAreThoseReadByteByByte(seed: UInt64) {
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

    /// The bits of 64 bytes made sixteen at a time (SSE2 on x86-64) are those the class table
    /// gives byte by byte, for every byte value, and bytes past the text's end have none.
    @Test(arguments: 1...20 as ClosedRange<UInt64>)
    func blockBitsAreTheClassTablesBits(seed: UInt64) {
        var random = PIIPropertyTests.SeededRandom(state: seed)
        // Every byte value, and runs of the ones near the classes' edges.
        let edges: [UInt8] = [0x2f, 0x30, 0x39, 0x3a, 0x40, 0x41, 0x5a, 0x5b, 0x60, 0x61, 0x7a, 0x7b, 0x3d, 0x2b, 0x28, 0xc1, 0xfa]
        let bytes = (0..<200).map { _ in Bool.random(using: &random) ? UInt8.random(in: 0...255, using: &random) : edges.randomElement(using: &random)! }
        bytes.withUnsafeBytes { buffer in
            let text = ByteText(buffer)
            for index in Array(stride(from: 0, through: bytes.count, by: 7)) + [bytes.count - 64, bytes.count] {
                let made = BlockBits(text, at: index), byTable = BlockBits(bytes: text, from: index)
                #expect(made.alnum == byTable.alnum && made.digits == byTable.digits && made.announcers == byTable.announcers, "at \(index)")
                for offset in 0..<64 {
                    let byte = index + offset < bytes.count ? bytes[index + offset] : nil
                    let isAlnum = byte.map { ($0 >= 0x30 && $0 <= 0x39) || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7a) } ?? false
                    let isDigit = byte.map { $0 >= 0x30 && $0 <= 0x39 } ?? false
                    let isAnnouncer = byte.map { ":=@+(".utf8.contains($0) } ?? false
                    #expect(made.digits >> UInt64(offset) & 1 == (isDigit ? 1 : 0), "digit at \(index + offset)")
                    #expect(made.alnum >> UInt64(offset) & 1 == (isAlnum ? 1 : 0), "alnum at \(index + offset)")
                    #expect(made.announcers >> UInt64(offset) & 1 == (isAnnouncer ? 1 : 0), "announcer at \(index + offset)")
                }
            }
        }
    }

    /// A needle is found where a byte-by-byte search finds it, from every start, near and
    /// across the text's end and among near misses (runs of the first byte, the last byte
    /// where it would end).
    @Test(arguments: 1...10 as ClosedRange<UInt64>)
    func needlesAreFoundWhereAByteByByteSearchFindsThem(seed: UInt64) {
        var random = PIIPropertyTests.SeededRandom(state: seed)
        let needles = ["-----", "mysql", "-", "--", "-----END RSA PRIVATE KEY-----"].map { Array($0.utf8) }
        let pieces = ["-", "----", "-----", "mysq", "mysql", "l", "x", "\n", "-----END RSA PRIVATE KEY----", "-----END RSA PRIVATE KEY-----"]
        let bytes = Array((0..<60).map { _ in pieces.randomElement(using: &random)! }.joined().utf8)
        bytes.withUnsafeBytes { buffer in
            let text = ByteText(buffer)
            for needle in needles {
                for from in 0...bytes.count {
                    let expected = (from..<max(from, bytes.count - needle.count + 1)).first { Array(bytes[$0..<($0 + needle.count)]) == needle }
                    #expect(text.end(ofFirst: needle, from: from) == expected.map { $0 + needle.count }, "\(needle.count) bytes from \(from)")
                }
            }
        }
    }
}

