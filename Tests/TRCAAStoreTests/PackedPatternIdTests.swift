import Testing
import TRCAAStore

/// A log's line patterns as stored (migration 114).
@Suite struct PackedPatternIdTests {
    @Test func idsRoundTripAndRepeatsPackSmall() throws {
        let ids: [UInt32] = (0..<10_000).map { $0 % 50 == 0 ? UInt32.max - UInt32($0) : UInt32($0 % 3) }
        let stored = PackedPatternIds.pack(ids)
        #expect(try PackedPatternIds.unpack(stored[...], lineCount: ids.count) == ids)
        #expect(stored.count < ids.count / 2)
        #expect(try PackedPatternIds.unpack(PackedPatternIds.pack([])[...], lineCount: 0) == [])
    }

    /// A log's blocks packed at once, on each core in turn, come out as each would alone and in order.
    @Test func blocksPackedTogetherAreThosePackedAlone() throws {
        let blocks: [[UInt32]] = [(0..<5000).map { UInt32($0 % 7) }, [], [9, 9, 1], (0..<3000).map { UInt32($0 * 31 % 1000) }]
        let together = PackedPatternIds.pack(blockCount: blocks.count) { blocks[$0] }
        #expect(together == blocks.map(PackedPatternIds.pack))
        #expect(try zip(together, blocks).map { try PackedPatternIds.unpack($0[...], lineCount: $1.count) } == blocks)
    }

    @Test func damagedOrShortBlocksAreRefused() {
        let stored = PackedPatternIds.pack([1, 2, 3])
        #expect(throws: StoreError.self) { try PackedPatternIds.unpack(stored[...], lineCount: 4) }
        #expect(throws: StoreError.self) { try PackedPatternIds.unpack([0xff, 0x00, 0x13], lineCount: 3) }
    }

    @Test func aLogsBlocksJoinInOneBlobAndSplitBack() throws {
        let blocks: [[UInt32]] = [[1, 1, 2], [], [3, 1, 70_000], [0]]
        var firstLine = 0
        let packed = blocks.map { ids in
            defer { firstLine += ids.count }
            return PackedPatternIds.Block(firstLine: firstLine, lineCount: ids.count, packed: PackedPatternIds.pack(ids))
        }
        let joined = PackedPatternIds.join(packed)
        let split = try PackedPatternIds.split(joined)
        #expect(split.map(\.firstLine) == [0, 3, 3, 6])
        #expect(split.map(\.ids) == blocks)
        #expect(try PackedPatternIds.split(PackedPatternIds.join([])).isEmpty)
    }

    @Test func aDamagedJoinedBlobIsRefused() {
        let joined = PackedPatternIds.join([PackedPatternIds.Block(firstLine: 0, lineCount: 2, packed: PackedPatternIds.pack([4, 5]))])
        for damaged in [Array(joined.dropLast()), joined + [0], [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f], [200, 1]] {
            #expect(throws: StoreError.self) { try PackedPatternIds.split(damaged) }
        }
    }
}
