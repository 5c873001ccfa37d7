#if DEBUG
@testable import TRCAACore

extension FuzzTarget {
    /// The pattern miner over the input's lines with room for few keys (so merging and the
    /// other bucket are reached): every line belongs to exactly one pattern.
    static let patternMiner = FuzzTarget(name: "pattern-miner", summary: "log pattern miner") { input in
        let (choice, text) = input.splitFirstByte()
        var miner = PatternMiner(maximumKeys: 1 + choice % 16)
        let lines = FuzzInput.lines(of: text)
        var reader = LineReader()
        var keys: [UInt32] = []
        for (number, line) in lines.enumerated() {
            let key = line.withUnsafeBufferPointer { miner.add($0, reader.read($0), lineNumber: number) }
            let time = line.withUnsafeBytes { LogTimestamp.seconds($0) }
            miner.stamp(key, first: time, last: time)
            keys.append(key)
        }
        let mined = miner.finish()
        require(mined.patterns.reduce(0) { $0 + $1.count } == lines.count, "pattern counts do not add up to the lines")
        for key in keys { require(Int(key) < mined.patternOfKey.count, "key \(key) has no pattern") }
    }
}
#endif
