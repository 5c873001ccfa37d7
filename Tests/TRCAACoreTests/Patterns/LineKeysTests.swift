import Testing
@testable import TRCAACore

/// A block's line keys, narrow while they fit in 16 bits.
@Suite struct LineKeysTests {
    @Test func keysComeBackInOrderAcrossTheWidening() {
        let keys: [UInt32] = [0, 7, 65_535, 3, 65_536, 1, UInt32.max, 2]
        var lines = LineKeys(capacity: 4)
        for (index, key) in keys.enumerated() {
            lines.append(key)
            #expect(lines.count == index + 1)
            #expect(lines.map { $0 } == Array(keys[...index]))
        }
        #expect(lines.map { $0 &+ 1 } == keys.map { $0 &+ 1 })
        #expect(LineKeys(capacity: 0).map { $0 }.isEmpty)
    }
}
