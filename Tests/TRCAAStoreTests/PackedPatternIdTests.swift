import Testing
import TRCAAStore

/// A block's line patterns as stored (migration 109).
@Suite struct PackedPatternIdTests {
    @Test func idsRoundTripAndRepeatsPackSmall() throws {
        let ids: [UInt32] = (0..<10_000).map { $0 % 50 == 0 ? UInt32.max - UInt32($0) : UInt32($0 % 3) }
        let stored = PackedPatternIds.pack(ids)
        #expect(try PackedPatternIds.unpack(stored, lineCount: ids.count) == ids)
        #expect(stored.count < ids.count / 2)
        #expect(try PackedPatternIds.unpack(PackedPatternIds.pack([]), lineCount: 0) == [])
    }

    @Test func damagedOrShortBlocksAreRefused() {
        let stored = PackedPatternIds.pack([1, 2, 3])
        #expect(throws: StoreError.self) { try PackedPatternIds.unpack(stored, lineCount: 4) }
        #expect(throws: StoreError.self) { try PackedPatternIds.unpack([0xff, 0x00, 0x13], lineCount: 3) }
    }
}
