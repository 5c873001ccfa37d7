import TRCAAStore

/// The miner's key of each line of one block, kept until the import ends: two bytes a line
/// while every key fits in 16 bits (always, but on hostile input), four from the first that
/// does not; and once the block takes no more lines (`seal`), those bytes deflated. A 500 MB
/// import's 3.6 million lines took 14 MB as four bytes each and 7.2 MB as two, most of its
/// memory besides the compressed text; deflated, their keys repeat, they take about 1 MB.
struct LineKeys {
    private var narrow: [UInt16] = []
    private var wide: [UInt32]?
    /// The keys' bytes (native order) deflated, and their width, once sealed.
    private var sealed: (bytes: [UInt8], width: Int)?
    private(set) var count = 0

    init(capacity: Int) { narrow.reserveCapacity(capacity) }

    mutating func append(_ key: UInt32) {
        precondition(sealed == nil, "a line key added to a sealed block")
        count += 1
        if wide == nil {
            if let short = UInt16(exactly: key) { return narrow.append(short) }
            wide = narrow.map(UInt32.init)
            narrow = []
        }
        wide?.append(key)
    }

    /// Deflates the keys: the block takes no more lines.
    mutating func seal(with deflater: inout StatelessDeflate.Level1) {
        guard sealed == nil else { return }
        sealed = wide.map { keys in (keys.withUnsafeBytes { deflater.deflate($0) }, 4) }
            ?? (narrow.withUnsafeBytes { deflater.deflate($0) }, 2)
        (narrow, wide) = ([], nil)
    }

    /// Each line's key through `transform`, in order.
    func map(_ transform: (UInt32) -> UInt32) -> [UInt32] {
        guard let (sealed, width) = sealed else { return wide?.map(transform) ?? narrow.map { transform(UInt32($0)) } }
        // Safe: `seal` made them from `count` keys of `width` bytes.
        let bytes = ZStream.inflateRaw(sealed, capacity: count * width + 1)!
        precondition(bytes.count == count * width, "sealed keys inflate to their count")
        return bytes.withUnsafeBytes { raw in
            (0..<count).map { index in
                transform(width == 2 ? UInt32(raw.loadUnaligned(fromByteOffset: 2 * index, as: UInt16.self))
                                     : raw.loadUnaligned(fromByteOffset: 4 * index, as: UInt32.self))
            }
        }
    }
}
