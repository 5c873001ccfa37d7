/// A ZIP archive of deflated entries (PKWARE APPNOTE 6.3, no ZIP64): what an OOXML package
/// needs. Entry times are fixed (1980-01-01), so the same content gives the same bytes.
struct ZipWriter {
    private var output: [UInt8] = []
    private var central: [UInt8] = []
    private var count = 0

    mutating func add(_ name: String, _ content: [UInt8]) {
        let block = content.withUnsafeBytes { DeflateBlock.compress($0, level: 6, isLast: true) }
        let compressed = block.bytes
        let crc = block.crc
        let nameBytes = Array(name.utf8)
        let offset = output.count
        // Local file header.
        Self.append32(&output, 0x0403_4b50)
        Self.append16(&output, 20)  // version needed: 2.0 (deflate)
        Self.append16(&output, 0x0800)  // names are UTF-8
        Self.append16(&output, 8)  // deflate
        Self.append16(&output, 0)  // time 00:00:00
        Self.append16(&output, 0x21)  // date 1980-01-01
        Self.append32(&output, crc)
        Self.append32(&output, UInt32(compressed.count))
        Self.append32(&output, UInt32(content.count))
        Self.append16(&output, UInt16(nameBytes.count))
        Self.append16(&output, 0)
        output += nameBytes + compressed
        // Central directory record.
        Self.append32(&central, 0x0201_4b50)
        Self.append16(&central, 0x0314)  // made by: Unix, 2.0
        Self.append16(&central, 20)
        Self.append16(&central, 0x0800)
        Self.append16(&central, 8)
        Self.append16(&central, 0)
        Self.append16(&central, 0x21)
        Self.append32(&central, crc)
        Self.append32(&central, UInt32(compressed.count))
        Self.append32(&central, UInt32(content.count))
        Self.append16(&central, UInt16(nameBytes.count))
        Self.append16(&central, 0)  // extra
        Self.append16(&central, 0)  // comment
        Self.append16(&central, 0)  // disk
        Self.append16(&central, 0)  // internal attributes
        Self.append32(&central, 0o100644 << 16)  // external attributes: a regular file, rw-r--r--
        Self.append32(&central, UInt32(offset))
        central += nameBytes
        count += 1
    }

    func finish() -> [UInt8] {
        var out = output + central
        Self.append32(&out, 0x0605_4b50)
        Self.append16(&out, 0)
        Self.append16(&out, 0)
        Self.append16(&out, UInt16(count))
        Self.append16(&out, UInt16(count))
        Self.append32(&out, UInt32(central.count))
        Self.append32(&out, UInt32(output.count))
        Self.append16(&out, 0)
        return out
    }

    private static func append16(_ out: inout [UInt8], _ value: UInt16) {
        out += [UInt8(value & 0xFF), UInt8(value >> 8)]
    }

    private static func append32(_ out: inout [UInt8], _ value: UInt32) {
        out += [UInt8(value & 0xFF), UInt8((value >> 8) & 0xFF), UInt8((value >> 16) & 0xFF), UInt8(value >> 24)]
    }
}
