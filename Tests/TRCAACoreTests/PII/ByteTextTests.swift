import Testing
@testable import TRCAACore

/// The eight-bytes-at-a-time digit runs give the runs a byte-at-a-time reading gives.
@Suite struct ByteTextTests {
    @Test(arguments: 1...20 as ClosedRange<UInt64>)
    func digitRunsReadEightBytesAtATimeAreThoseReadByteByByte(seed: UInt64) {
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
                #expect(text.digitEnd(from: index) == text.runEnd(.digit, from: index), "from \(index)")
            }
        }
    }
}
