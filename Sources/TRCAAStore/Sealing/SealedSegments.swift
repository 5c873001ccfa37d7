/// Large content (a log's gzip text) sealed in segments, so that a range of it can be read and
/// opened without the rest: a header, then each segment of `segmentSize` plaintext bytes (the
/// last one shorter, and always at least one) as `nonce | ciphertext | tag`.
///
/// Header: `TRCAASEG`, a version byte, the segment size and the plaintext length (both little
/// endian, 4 and 8 bytes). Each segment's associated data holds its cell, the whole header and
/// its index, so segments cannot be reordered, moved or dropped, nor the length changed.
struct SealedSegments {
    static let magic = Array("TRCAASEG".utf8)
    static let version: UInt8 = 1
    static let headerLength = magic.count + 1 + 4 + 8

    let segmentSize: Int
    let plaintextLength: Int
    let header: [UInt8]

    init(segmentSize: Int, plaintextLength: Int) {
        self.segmentSize = segmentSize
        self.plaintextLength = plaintextLength
        header = Self.magic + [Self.version] + Self.littleEndian(UInt64(segmentSize), bytes: 4)
            + Self.littleEndian(UInt64(plaintextLength), bytes: 8)
    }

    /// Reads a header; `nil` when `bytes` do not start with one.
    init?(header bytes: [UInt8]) {
        guard bytes.count >= Self.headerLength, Array(bytes[..<Self.magic.count]) == Self.magic,
              bytes[Self.magic.count] == Self.version else { return nil }
        let segmentSize = Int(Self.integer(bytes[(Self.magic.count + 1)...], bytes: 4))
        let plaintextLength = Self.integer(bytes[(Self.magic.count + 5)...], bytes: 8)
        guard (1...(16 << 20)).contains(segmentSize), plaintextLength <= UInt64(Int.max / 2) else { return nil }
        self.init(segmentSize: segmentSize, plaintextLength: Int(plaintextLength))
    }

    var segmentCount: Int { max(1, (plaintextLength + segmentSize - 1) / segmentSize) }

    /// Size of the whole sealed value.
    var sealedLength: Int { Self.headerLength + segmentCount * AESGCM.overhead + plaintextLength }

    /// Plaintext bytes of segment `index`.
    func length(ofSegment index: Int) -> Int { min(segmentSize, plaintextLength - index * segmentSize) }

    /// Where segment `index` starts in the sealed value.
    func offset(ofSegment index: Int) -> Int { Self.headerLength + index * (segmentSize + AESGCM.overhead) }

    func associatedData(_ cell: BlobCell, segment index: Int) -> [UInt8] {
        cell.associatedData + header + Self.littleEndian(UInt64(index), bytes: 8)
    }

    private static func littleEndian(_ value: UInt64, bytes: Int) -> [UInt8] {
        (0..<bytes).map { UInt8(truncatingIfNeeded: value >> (8 * UInt64($0))) }
    }

    private static func integer(_ bytes: ArraySlice<UInt8>, bytes count: Int) -> UInt64 {
        bytes.prefix(count).reversed().reduce(0) { $0 << 8 | UInt64($1) }
    }
}

extension ContentSealer {
    /// Plaintext bytes per sealed segment: about one read of the viewer.
    public static let segmentSize = 64 * 1024

    /// `pieces`, put end to end, sealed in segments: the pieces to store (the header, then one
    /// per segment), as `StoreConnection.writeBlob` takes them.
    public func sealSegments(_ pieces: [[UInt8]], for cell: BlobCell,
                             segmentSize: Int = ContentSealer.segmentSize) -> [[UInt8]] {
        let layout = SealedSegments(segmentSize: segmentSize, plaintextLength: pieces.reduce(0) { $0 + $1.count })
        var sealed = [layout.header]
        var segment: [UInt8] = []
        segment.reserveCapacity(segmentSize)
        func flush() {
            var out: [UInt8] = []
            out.reserveCapacity(segment.count + AESGCM.overhead)
            segment.withUnsafeBytes {
                AESGCM.seal($0, key: key.secret, associatedData: layout.associatedData(cell, segment: sealed.count - 1), appendingTo: &out)
            }
            sealed.append(out)
            segment.removeAll(keepingCapacity: true)
        }
        for piece in pieces {
            var start = 0
            while start < piece.count {
                let take = min(segmentSize - segment.count, piece.count - start)
                segment += piece[start..<(start + take)]
                start += take
                if segment.count == segmentSize { flush() }
            }
        }
        if !segment.isEmpty || sealed.count == 1 { flush() }
        return sealed
    }

    /// Reads the plaintext of content sealed by `sealSegments` through `sealed`, opening only
    /// the segments a read touches.
    ///
    /// - throws: `StoreError.damaged` when the header is not one or the size does not match it.
    public func segmentReader(_ sealed: any BlobReader, for cell: BlobCell) throws -> any BlobReader {
        try SealedSegmentReader(sealed, sealer: self, cell: cell)
    }

    /// The plaintext of content sealed by `sealSegments`, read whole from `sealed`.
    ///
    /// - throws: `StoreError.damaged` as `segmentReader` and its reads do.
    public func openSegments(_ sealed: [UInt8], for cell: BlobCell) throws -> [UInt8] {
        let reader = try segmentReader(BytesBlobReader(sealed), for: cell)
        var plain = [UInt8](repeating: 0, count: reader.count)
        try plain.withUnsafeMutableBytes { try reader.read(into: $0, at: 0) }
        return plain
    }
}

/// A BLOB already in memory, read as a store's reader would give it.
final class BytesBlobReader: BlobReader {
    private let bytes: [UInt8]

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var count: Int { bytes.count }

    func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int) throws {
        guard offset >= 0, buffer.count <= bytes.count - offset else {
            throw StoreError.damaged("a read of \(buffer.count) bytes at \(offset) is past the end of \(bytes.count) bytes")
        }
        buffer.copyBytes(from: bytes[offset..<(offset + buffer.count)])
    }
}

/// The plaintext view of content sealed in segments; keeps the last segment it opened.
final class SealedSegmentReader: BlobReader {
    private let sealed: any BlobReader
    private let sealer: ContentSealer
    private let cell: BlobCell
    private let layout: SealedSegments
    private var cached: (index: Int, bytes: [UInt8])?

    init(_ sealed: any BlobReader, sealer: ContentSealer, cell: BlobCell) throws {
        var header = [UInt8](repeating: 0, count: min(SealedSegments.headerLength, sealed.count))
        try header.withUnsafeMutableBytes { try sealed.read(into: $0, at: 0) }
        guard let layout = SealedSegments(header: header), layout.sealedLength == sealed.count else {
            throw ContentSealer.notSealed(cell)
        }
        self.sealed = sealed
        self.sealer = sealer
        self.cell = cell
        self.layout = layout
    }

    var count: Int { layout.plaintextLength }

    func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int) throws {
        guard offset >= 0, buffer.count <= count - offset else {
            throw StoreError.damaged("a read of \(buffer.count) bytes at \(offset) is past the end of \(count) sealed bytes")
        }
        var done = 0
        while done < buffer.count {
            let position = offset + done
            let index = position / layout.segmentSize
            let plain = try segment(index)
            let from = position - index * layout.segmentSize
            let take = min(plain.count - from, buffer.count - done)
            plain.withUnsafeBytes { plain in
                UnsafeMutableRawBufferPointer(rebasing: buffer[done..<(done + take)])
                    .copyMemory(from: UnsafeRawBufferPointer(rebasing: plain[from..<(from + take)]))
            }
            done += take
        }
    }

    private func segment(_ index: Int) throws -> [UInt8] {
        if let cached, cached.index == index { return cached.bytes }
        let length = layout.length(ofSegment: index)
        var sealedSegment = [UInt8](repeating: 0, count: length + AESGCM.overhead)
        try sealedSegment.withUnsafeMutableBytes { try sealed.read(into: $0, at: layout.offset(ofSegment: index)) }
        var plain = [UInt8](repeating: 0, count: length)
        let opened = sealedSegment.withUnsafeBytes { sealedSegment in
            plain.withUnsafeMutableBytes {
                AESGCM.open(sealedSegment, key: sealer.key.secret, associatedData: layout.associatedData(cell, segment: index), into: $0)
            }
        }
        guard opened else { throw ContentSealer.notSealed(cell) }
        cached = (index, plain)
        return plain
    }
}
