/// The miner's key of each line of one block, kept until the import ends: two bytes a line
/// while every key fits in 16 bits (always, but on hostile input), four from the first that
/// does not. A 500 MB import's 3.6 million lines took 14 MB as four bytes each, most of its
/// memory besides the compressed text.
struct LineKeys {
    private var narrow: [UInt16] = []
    private var wide: [UInt32]?

    init(capacity: Int) { narrow.reserveCapacity(capacity) }

    var count: Int { wide?.count ?? narrow.count }

    mutating func append(_ key: UInt32) {
        if wide == nil {
            if let short = UInt16(exactly: key) { return narrow.append(short) }
            wide = narrow.map(UInt32.init)
            narrow = []
        }
        wide?.append(key)
    }

    /// Each line's key through `transform`, in order.
    func map(_ transform: (UInt32) -> UInt32) -> [UInt32] {
        wide?.map(transform) ?? narrow.map { transform(UInt32($0)) }
    }
}
