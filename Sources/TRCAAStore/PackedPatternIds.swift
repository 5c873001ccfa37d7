import Dispatch
import Foundation

/// The pattern of each line of a log (`log_pattern_sets.line_patterns`, migration 114): per
/// index block, one LEB128 varint per line, raw-deflated at level 1 by ISA-L (a block's lines
/// repeat a few ids: a 10 000-line block takes a few KB; zlib at level 1 took ~140
/// instructions a line, and at level 6 made the 100 MB loghub mix's 296 KB instead of 339 KB
/// for twice that); the blocks of a log are joined in one blob.
public enum PackedPatternIds {
    /// The lines that start in one index block: the first one's number, how many, and their
    /// pattern ids `pack`ed.
    public struct Block: Sendable, Equatable {
        public var firstLine: Int
        public var lineCount: Int
        public var packed: [UInt8]

        public init(firstLine: Int, lineCount: Int, packed: [UInt8]) {
            (self.firstLine, self.lineCount, self.packed) = (firstLine, lineCount, packed)
        }
    }

    /// `ids` packed and deflated (level 1).
    public static func pack(_ ids: [UInt32]) -> [UInt8] { pack(blockCount: 1) { _ in ids }[0] }

    /// The ids of each of a log's `blockCount` blocks packed and deflated (level 1); `ids(i)`
    /// gives block i's, asked for one block at a time on each of the machine's cores (this ends
    /// an import, when they have nothing else to do), so that a log's blocks are not all in
    /// memory twice.
    public static func pack(blockCount: Int, ids: @Sendable (Int) -> [UInt32]) -> [[UInt8]] {
        let lanes = max(1, min(ProcessInfo.processInfo.activeProcessorCount, blockCount))
        var packed = [[UInt8]](repeating: [], count: blockCount)
        packed.withUnsafeMutableBufferPointer { slots in
            // Unchecked: each lane writes its own slots.
            nonisolated(unsafe) let slots = slots
            DispatchQueue.concurrentPerform(iterations: lanes) { lane in
                var deflater = StatelessDeflate.Level1()
                for block in stride(from: lane, to: blockCount, by: lanes) {
                    var bytes: [UInt8] = []
                    let ids = ids(block)
                    bytes.reserveCapacity(ids.count * 2)
                    for id in ids { PackedSpans.appendVarint(UInt64(id), to: &bytes) }
                    slots[block] = bytes.withUnsafeBytes { deflater.deflate($0) }
                }
            }
        }
        return packed
    }

    /// The ids of `lineCount` lines from their stored form.
    ///
    /// - throws: `StoreError.sqlite` with `SQLITE_CORRUPT` when the bytes do not inflate to
    ///   `lineCount` ids.
    public static func unpack(_ stored: ArraySlice<UInt8>, lineCount: Int) throws -> [UInt32] {
        // At most five bytes an id (ids are 32-bit).
        guard let bytes = ZStream.inflateRaw(Array(stored), capacity: lineCount * 5 + 1) else {
            throw StoreError.damaged("a block's line patterns do not inflate")
        }
        var ids: [UInt32] = []
        ids.reserveCapacity(lineCount)
        var value: UInt32 = 0, shift: UInt32 = 0
        for byte in bytes {
            guard shift < 32 else { throw StoreError.damaged("a block's line patterns hold an id over 32 bits") }
            value |= UInt32(byte & 0x7f) << shift
            if byte < 0x80 {
                ids.append(value)
                (value, shift) = (0, 0)
            } else {
                shift += 7
            }
        }
        guard shift == 0 else { throw StoreError.damaged("a block's line patterns end inside an id") }
        guard ids.count == lineCount else { throw StoreError.damaged("a block holds \(ids.count) line patterns for \(lineCount) lines") }
        return ids
    }

    /// A log's blocks in one blob: their count, each one's first line, line count and packed
    /// size (varints), then their packed ids one after another. One row per log instead of one
    /// per block: a block's few KB no longer leave the rest of a page empty.
    public static func join(_ blocks: [Block]) -> [UInt8] {
        var bytes: [UInt8] = []
        PackedSpans.appendVarint(UInt64(blocks.count), to: &bytes)
        for block in blocks {
            for field in [block.firstLine, block.lineCount, block.packed.count] { PackedSpans.appendVarint(UInt64(field), to: &bytes) }
        }
        for block in blocks { bytes += block.packed }
        return bytes
    }

    /// Each block's first line and its lines' ids, in order, from `join`'s blob.
    ///
    /// - throws: `StoreError.sqlite` with `SQLITE_CORRUPT` when the blob is not that.
    public static func split(_ joined: [UInt8]) throws -> [(firstLine: Int, ids: [UInt32])] {
        let damaged = StoreError.damaged("a log's line patterns have a damaged directory")
        var index = 0
        func field() throws -> Int {
            guard let value = PackedSpans.readVarint(joined, &index), value < 1 << 56 else { throw damaged }
            return Int(value)
        }
        let count = try field()
        // Each entry takes three bytes or more.
        guard count <= joined.count / 3 else { throw damaged }
        let directory = try (0..<count).map { _ in (firstLine: try field(), lineCount: try field(), size: try field()) }
        var blocks: [(firstLine: Int, ids: [UInt32])] = []
        for entry in directory {
            guard entry.size <= joined.count - index else { throw StoreError.damaged("a log's line patterns end inside a block") }
            // Deflate expands at most 1032 to 1, and every id takes a byte or more.
            guard entry.lineCount <= (entry.size + 1) * 1032 else { throw damaged }
            blocks.append((entry.firstLine, try unpack(joined[index..<(index + entry.size)], lineCount: entry.lineCount)))
            index += entry.size
        }
        guard index == joined.count else { throw StoreError.damaged("a log's line patterns hold more than their blocks") }
        return blocks
    }
}
