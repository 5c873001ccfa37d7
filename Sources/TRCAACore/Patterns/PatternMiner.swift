/// Groups a log's lines into patterns as they stream past (no second pass): each line's
/// message (`MessageHeader`) with its values masked (`MessageKey`) is a key; keys that differ
/// only in variable words are merged (`PatternPartition`) when there are many of them and at
/// the end. Memory is bounded: past `maximumKeys` different keys, even after merging, a new
/// kind of line goes to the other bucket (key 0).
public struct PatternMiner {
    /// Different keys held before they are merged; beyond it after merging, "other".
    public let maximumKeys: Int
    /// Hashes remembered for the fast path, at most.
    private let maximumHashes: Int

    private var keys: [MinedKey] = [MinedKey.other]
    private var parent: [UInt32] = [0]
    private var alive = 0
    private var byHash = KeysByHash()
    /// Merged keys (holding variables) by length and first token, for lines whose hash is new.
    private var merged: [MergedGroup: [UInt32]] = [:]
    private var isFull = false

    public init(maximumKeys: Int = 20_000) {
        self.maximumKeys = maximumKeys
        maximumHashes = maximumKeys * 10
    }

    /// Adds one line (without its newline), read by `LineReader` (lines can be read in
    /// parallel, and added in order), and returns its key, for `MinedPatterns.patternOfKey`.
    mutating func add(_ line: UnsafeBufferPointer<UInt8>, _ read: LineKey, lineNumber: Int) -> UInt32 {
        let slot = read.hash
        if let key = byHash.key(for: slot) {
            let root = find(key)
            keys[Int(root)].record(lineNumber)
            return root
        }
        let tokens = MessageKey.tokens(UnsafeBufferPointer(rebasing: line[read.messageStart...]))
        if let match = matchMerged(tokens) {
            let key = find(match)
            if byHash.count < maximumHashes { byHash.insert(key, for: slot) }
            keys[Int(key)].record(lineNumber)
            return key
        }
        guard !isFull else {
            keys[0].record(lineNumber)
            return 0
        }
        let key = UInt32(keys.count)
        keys.append(MinedKey(tokens: tokens, level: read.level, line: lineNumber))
        parent.append(key)
        alive += 1
        if byHash.count < maximumHashes { byHash.insert(key, for: slot) }
        if alive > maximumKeys { compact() }
        return key
    }

    /// Records the times (`LogTimestamp`) of a key's earliest and latest lines seen since the
    /// last call: the first time stays the first, the last one moves on.
    public mutating func stamp(_ key: UInt32, first: Int?, last: Int?) {
        stamp(key, first: { first }, last: last)
    }

    /// `stamp(_:first:last:)` with the first time read only while the key has none.
    mutating func stamp(_ key: UInt32, first: () -> Int?, last: Int?) {
        let root = Int(find(key))
        if keys[root].firstTime == nil { keys[root].firstTime = first() }
        if let last { keys[root].lastTime = last }
    }

    /// Merges what is left to merge and numbers the patterns in order of first appearance.
    public mutating func finish() -> MinedPatterns {
        mergeKeys()
        let live = (1..<keys.count).filter { parent[$0] == UInt32($0) }.sorted { keys[$0].firstLine < keys[$1].firstLine }
        var patternOfRoot = [UInt32](repeating: 0, count: keys.count)
        var patterns: [LogPatternSummary] = []
        if keys[0].count > 0 { patterns.append(keys[0].summary(id: 0, template: LogPatternSummary.otherTemplate)) }
        for (offset, root) in live.enumerated() {
            patternOfRoot[root] = UInt32(offset + 1)
            patterns.append(keys[root].summary(id: offset + 1, template: keys[root].template))
        }
        let patternOfKey = (0..<keys.count).map { patternOfRoot[Int(find(UInt32($0)))] }
        return MinedPatterns(patterns: patterns, patternOfKey: patternOfKey)
    }

    private mutating func find(_ key: UInt32) -> UInt32 {
        var root = key
        while parent[Int(root)] != root { root = parent[Int(root)] }
        var node = key
        while parent[Int(node)] != root { (node, parent[Int(node)]) = (parent[Int(node)], root) }
        return root
    }

    private func matchMerged(_ tokens: [TemplateToken]) -> UInt32? {
        guard let candidates = merged[MergedGroup(tokens)] else { return nil }
        return candidates.first { keys[Int($0)].matches(tokens) }
    }

    /// Merges keys now, forgets the hashes of merged-away keys, and stops taking new keys
    /// when merging freed too little.
    private mutating func compact() {
        mergeKeys()
        let parent = parent
        byHash.filter { parent[Int($0)] == $0 }
        isFull = alive > maximumKeys * 3 / 4
    }

    private mutating func mergeKeys() {
        let live = (1..<keys.count).filter { parent[$0] == UInt32($0) }
        for group in PatternPartition.groups(live.map { keys[$0].tokens }) where group.count > 1 {
            let root = live[group[0]]
            for member in group.dropFirst().map({ live[$0] }) {
                keys[root].absorb(keys[member])
                keys[member] = MinedKey.other
                parent[member] = UInt32(root)
                alive -= 1
            }
            let bucket = MergedGroup(keys[root].tokens)
            if !(merged[bucket]?.contains(UInt32(root)) ?? false) { merged[bucket, default: []].append(UInt32(root)) }
        }
    }
}

/// A line as `LineReader` read it: where its message starts, its key's hash and its level.
struct LineKey: Sendable {
    var messageStart: Int
    var hash: UInt64
    /// The line's `LogLevel.classify`.
    var level: LogLevel
}

/// Length and first token: where a line whose hash is new looks for a merged key.
private struct MergedGroup: Hashable {
    var count: Int
    var first: String

    init(_ tokens: [TemplateToken]) { (count, first) = (tokens.count, tokens.first?.word ?? "") }
}
