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
            var shapes = Set<String>()
            var wildcard = false
            for member in members {
                let token = keys[member][place]
                if token.isWildcard { wildcard = true; break }
                shapes.insert(token.word)
            }
            guard !wildcard, shapes.count > 1 else { continue }
            varying += 1
            if best == nil || shapes.count < best!.words { best = (place, shapes.count) }  // Safe: checked.
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
}
