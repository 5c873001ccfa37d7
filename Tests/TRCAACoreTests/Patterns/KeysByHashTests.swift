import Testing
@testable import TRCAACore

/// The miner's hash table finds every key put in it, across growth and after filtering, like a
/// dictionary would.
@Suite struct KeysByHashTests {
    @Test func findsWhatWasPutAcrossGrowthAndFiltering() {
        var table = KeysByHash()
        var reference: [UInt64: UInt32] = [:]
        var seed: UInt64 = 7
        for key in 0..<5000 {
            // Every tenth hash differs from the one before in its lowest bit only: same first slot.
            let hash = key % 10 == 0 ? seed ^ 1 : seed &* 6364136223846793005 &+ 1442695040888963407
            seed = hash
            table.insert(UInt32(key), for: hash)
            reference[hash] = UInt32(key)
        }
        #expect(table.count == reference.count)
        for (hash, key) in reference { #expect(table.key(for: hash) == key) }
        #expect(table.key(for: 12345) == nil)

        table.filter { $0 % 3 == 0 }
        #expect(table.count == reference.values.filter { $0 % 3 == 0 }.count)
        for (hash, key) in reference { #expect(table.key(for: hash) == (key % 3 == 0 ? key : nil)) }
    }
}
