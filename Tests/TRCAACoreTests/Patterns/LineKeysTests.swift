import Testing
@testable import TRCAACore
import TRCAAStore

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

    @Test func sealedKeysComeBackTheSameNarrowOrWide() {
        var deflater = StatelessDeflate.Level1()
        let narrow = (0..<10_000).map { UInt32($0 % 7 == 0 ? 65_535 : $0 % 300) }
        for keys in [narrow, narrow + [65_536, 3, UInt32.max], [], [9]] {
            var lines = LineKeys(capacity: keys.count)
            for key in keys { lines.append(key) }
            lines.seal(with: &deflater)
            lines.seal(with: &deflater)  // Sealing twice changes nothing.
            #expect(lines.count == keys.count)
            #expect(lines.map { $0 } == keys)
            #expect(lines.map { $0 ^ 1 } == keys.map { $0 ^ 1 })
        }
    }
}
