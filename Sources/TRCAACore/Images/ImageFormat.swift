/// The image formats trcaa stores, recognised from their content, never from the file name
/// (SPEC §6): anything else is refused rather than guessed.
public enum ImageFormat: String, CaseIterable, Sendable, Codable {
    case png, jpeg, gif, webp, bmp, svg

    public var mimeType: String {
        switch self {
        case .svg: "image/svg+xml"
        default: "image/\(rawValue)"
        }
    }

    /// The format whose signature starts `bytes`, or `nil`.
    public static func sniff(_ bytes: [UInt8]) -> ImageFormat? {
        func starts(_ prefix: [UInt8], at offset: Int = 0) -> Bool {
            bytes.count >= offset + prefix.count && bytes[offset..<(offset + prefix.count)].elementsEqual(prefix)
        }
        if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        if starts([0xFF, 0xD8, 0xFF]) { return .jpeg }
        if starts(Array("GIF87a".utf8)) || starts(Array("GIF89a".utf8)) { return .gif }
        if starts(Array("RIFF".utf8)), starts(Array("WEBP".utf8), at: 8) { return .webp }
        if starts(Array("BM".utf8)), bytes.count >= 26 { return .bmp }
        if SVGHeader.isSVG(bytes) { return .svg }
        return nil
    }

    /// Width and height in pixels as the header states them (an SVG's `width`/`height`
    /// attributes, else its `viewBox`); `nil` when the header does not say.
    public func dimensions(of bytes: [UInt8]) -> (width: Int, height: Int)? {
        let reader = ByteReader(bytes)
        switch self {
        case .png:
            guard reader.matches("IHDR", at: 12) else { return nil }
            return reader.pair(reader.uint32BE(at: 16), reader.uint32BE(at: 20))
        case .gif:
            return reader.pair(reader.uint16LE(at: 6), reader.uint16LE(at: 8))
        case .bmp:
            guard let header = reader.uint32LE(at: 14) else { return nil }
            if header == 12 { return reader.pair(reader.uint16LE(at: 18), reader.uint16LE(at: 20)) }
            return reader.pair(reader.int32LE(at: 18).map { abs($0) }, reader.int32LE(at: 22).map { abs($0) })
        case .webp:
            return webPDimensions(reader)
        case .jpeg:
            return jpegDimensions(reader)
        case .svg:
            return SVGHeader.dimensions(bytes)
        }
    }

    private func webPDimensions(_ reader: ByteReader) -> (width: Int, height: Int)? {
        if reader.matches("VP8 ", at: 12) {  // Lossy: the key frame header.
            return reader.pair(reader.uint16LE(at: 26).map { $0 & 0x3FFF }, reader.uint16LE(at: 28).map { $0 & 0x3FFF })
        }
        if reader.matches("VP8L", at: 12), let bits = reader.uint32LE(at: 21) {  // Lossless: 14-bit sizes minus one.
            return ((bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1)
        }
        if reader.matches("VP8X", at: 12) {  // Extended: 24-bit canvas sizes minus one.
            return reader.pair(reader.uint24LE(at: 24).map { $0 + 1 }, reader.uint24LE(at: 27).map { $0 + 1 })
        }
        return nil
    }

    /// Walks the JPEG segments to the first start-of-frame marker.
    private func jpegDimensions(_ reader: ByteReader) -> (width: Int, height: Int)? {
        var offset = 2
        while let marker = reader.byte(at: offset), marker == 0xFF, let kind = reader.byte(at: offset + 1) {
            if kind == 0xFF { offset += 1; continue }  // Fill byte.
            if kind == 0xD8 || kind == 0x01 || (0xD0...0xD7).contains(kind) { offset += 2; continue }  // No length.
            if kind == 0xD9 || kind == 0xDA { return nil }  // End of image, or scan data before any frame.
            guard let length = reader.uint16BE(at: offset + 2) else { return nil }
            if (0xC0...0xCF).contains(kind), ![0xC4, 0xC8, 0xCC].contains(kind) {
                return reader.pair(reader.uint16BE(at: offset + 7), reader.uint16BE(at: offset + 5))
            }
            offset += 2 + length
        }
        return nil
    }
}

/// Bounds-checked reads of header fields.
private struct ByteReader {
    let bytes: [UInt8]
    init(_ bytes: [UInt8]) { self.bytes = bytes }

    func byte(at offset: Int) -> UInt8? { offset >= 0 && offset < bytes.count ? bytes[offset] : nil }

    func matches(_ text: String, at offset: Int) -> Bool {
        let expected = Array(text.utf8)
        return offset + expected.count <= bytes.count && bytes[offset..<(offset + expected.count)].elementsEqual(expected)
    }

    private func value(at offset: Int, width: Int, bigEndian: Bool) -> Int? {
        guard offset >= 0, offset + width <= bytes.count else { return nil }
        let field = bytes[offset..<(offset + width)]
        return (bigEndian ? Array(field) : field.reversed()).reduce(0) { $0 << 8 | Int($1) }
    }

    func uint16BE(at offset: Int) -> Int? { value(at: offset, width: 2, bigEndian: true) }
    func uint32BE(at offset: Int) -> Int? { value(at: offset, width: 4, bigEndian: true) }
    func uint16LE(at offset: Int) -> Int? { value(at: offset, width: 2, bigEndian: false) }
    func uint24LE(at offset: Int) -> Int? { value(at: offset, width: 3, bigEndian: false) }
    func uint32LE(at offset: Int) -> Int? { value(at: offset, width: 4, bigEndian: false) }
    func int32LE(at offset: Int) -> Int? { uint32LE(at: offset).map { Int(Int32(truncatingIfNeeded: $0)) } }

    /// Both sizes when both are known and positive.
    func pair(_ width: Int?, _ height: Int?) -> (width: Int, height: Int)? {
        guard let width, let height, width > 0, height > 0 else { return nil }
        return (width, height)
    }
}
