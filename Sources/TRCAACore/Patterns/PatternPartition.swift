/// Which message keys are one pattern. Keys of one length and first token are split, again
/// and again, at the place where they take the fewest different words, while that place
/// takes few (`view`/`modify`: two kinds of message); a place taking many (user names) is a
/// variable, and keys that differ only in such places, and in at most half of their places,
/// are one pattern. A place where some key already holds a variable is a variable.
enum PatternPartition {
    /// More different words than this in one place, and it is a variable.
    static let maximumConstantWords = 4

    /// Groups of indices into `keys` (each a key's template tokens), every index once.
    static func groups(_ keys: [[TemplateToken]]) -> [[Int]] {
        var byStart: [Int: [Int]] = [:]
        var starts: [String: Int] = [:]
        for (index, tokens) in keys.enumerated() {
            let first = tokens.first?.word ?? ""
            let startId = starts[first] ?? { starts[first] = starts.count; return starts.count - 1 }()
            byStart[startId &* 128 &+ tokens.count, default: []].append(index)
        }
        var result: [[Int]] = []
        for members in byStart.values.sorted(by: { $0[0] < $1[0] }) { split(members, keys, into: &result) }
        return result
    }

    private static func split(_ members: [Int], _ keys: [[TemplateToken]], into result: inout [[Int]]) {
        guard members.count > 1 else {
            result.append(members)
            return
        }
        let length = keys[members[0]].count
        var best: (place: Int, words: Int)?
        var varying = 0
        for place in 0..<length {
            guard let words = differentWords(members, keys, at: place), words > 1 else { continue }
            varying += 1
            if best == nil || words < best!.words { best = (place, words) }  // Safe: checked.
        }
        guard let best else {
            result.append(members)
            return
        }
        if best.words > maximumConstantWords, varying * 2 <= length {
            result.append(members)
            return
        }
        var parts: [String: [Int]] = [:]
        var order: [String] = []
        for member in members {
            let shape = keys[member][best.place].word
            if parts[shape] == nil { order.append(shape) }
            parts[shape, default: []].append(member)
        }
        for shape in order { split(parts[shape]!, keys, into: &result) }  // Safe: filled above.
    }

    /// How many different words the members hold at `place`; nil when one holds a wildcard.
    /// Most places hold one word: they are compared with the first before any is hashed.
    private static func differentWords(_ members: [Int], _ keys: [[TemplateToken]], at place: Int) -> Int? {
        let first = keys[members[0]][place].word
        var differs = false
        for member in members {
            let token = keys[member][place]
            if token.isWildcard { return nil }
            differs = differs || token.word != first
        }
        return differs ? Set(members.map { keys[$0][place].word }).count : 1
    }
}
