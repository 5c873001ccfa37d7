/// `PatternMiner`'s fast path: the key of each line hash seen, in an open-addressed table
/// probed from the hash's top bits. The hashes are already mixed, so the table does not hash
/// them again (a `Dictionary` SipHashes every lookup).
struct KeysByHash {
    private static let empty = UInt32.max
    private static let initialCapacity = 1024

    private var hashes: [UInt64]
    private var keys: [UInt32]
    private var shift: UInt64
    private(set) var count = 0

    init() {
        hashes = [UInt64](repeating: 0, count: Self.initialCapacity)
        keys = [UInt32](repeating: Self.empty, count: Self.initialCapacity)
        shift = UInt64(64 - Self.initialCapacity.trailingZeroBitCount)
    }

    /// The key put for `hash`, nil if none.
    func key(for hash: UInt64) -> UInt32? {
        let slot = find(hash)
        return keys[slot] == Self.empty ? nil : keys[slot]
    }

    /// Puts `key` for `hash`, in place of the one there was.
    mutating func insert(_ key: UInt32, for hash: UInt64) {
        let slot = find(hash)
        if keys[slot] == Self.empty { count += 1 }
        (hashes[slot], keys[slot]) = (hash, key)
        if count * 4 > keys.count * 3 { rebuild(capacity: keys.count * 2) { _ in true } }
    }

    /// Forgets the hashes whose key `keeps` refuses.
    mutating func filter(_ keeps: (UInt32) -> Bool) { rebuild(capacity: keys.count, keeps) }

    /// Where `hash` is, or the empty slot it would go in.
    private func find(_ hash: UInt64) -> Int {
        let mask = keys.count - 1
        var slot = Int(truncatingIfNeeded: hash >> shift)
        while keys[slot] != Self.empty, hashes[slot] != hash { slot = (slot + 1) & mask }
        return slot
    }

    private mutating func rebuild(capacity: Int, _ keeps: (UInt32) -> Bool) {
        let (oldHashes, oldKeys) = (hashes, keys)
        hashes = [UInt64](repeating: 0, count: capacity)
        keys = [UInt32](repeating: Self.empty, count: capacity)
        shift = UInt64(64 - capacity.trailingZeroBitCount)
        count = 0
        for index in oldKeys.indices where oldKeys[index] != Self.empty && keeps(oldKeys[index]) {
            let slot = find(oldHashes[index])
            (hashes[slot], keys[slot]) = (oldHashes[index], oldKeys[index])
            count += 1
        }
    }
}
