import Testing
@testable import TRCAACore

/// The byte classes of the miner's scanners, against plain comparisons, for every byte.
@Suite struct ASCIIByteTests {
    @Test func spaceOrDigitIsASpaceATabOrADigit() {
        for byte in UInt8.min...UInt8.max {
            let expected = byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
            #expect(ASCIIByte.isSpaceOrDigit(byte) == expected, "\(byte)")
            #expect(ASCIIByte.isSpaceOrDigit(byte) == (ASCIIByte.isSpace(byte) || ASCIIByte.isDigit(byte)), "\(byte)")
        }
    }
}
