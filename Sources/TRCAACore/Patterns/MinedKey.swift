/// One key of `PatternMiner`: a masked message's tokens and where its lines came.
struct MinedKey {
    var tokens: [TemplateToken]
    var level: LogLevel
    var count = 0
    var firstLine = Int.max
    var lastLine = -1
    var firstTime: Int?
    var lastTime: Int?

    /// The other bucket's key, and what a merged-away key is left as.
    static let other = MinedKey(tokens: [], level: .none)

    init(tokens: [TemplateToken], level: LogLevel) {
        self.tokens = tokens
        self.level = level
    }

    init(tokens: [TemplateToken], level: LogLevel, line: Int) {
        self.init(tokens: tokens, level: level)
        record(line)
    }

    /// The tokens as templates show them, a space apart (written as bytes: appending to a
    /// `String` piece by piece cost 7 800 instructions a template).
    var template: String {
        var template: [UInt8] = []
        for (index, token) in tokens.enumerated() {
            if index > 0 { template.append(UInt8(ascii: " ")) }
            token.write(to: &template)
        }
        return String(decoding: template, as: UTF8.self)
    }

    mutating func record(_ line: Int) {
        count += 1
        firstLine = min(firstLine, line)
        lastLine = max(lastLine, line)
    }

    /// Takes in another key of the same pattern: counts, extent and a template generalized
    /// place by place.
    mutating func absorb(_ other: MinedKey) {
        for index in tokens.indices { tokens[index] = tokens[index].generalized(with: other.tokens[index]) }
        count += other.count
        if other.firstLine < firstLine {
            (firstLine, level) = (other.firstLine, other.level)
            firstTime = other.firstTime ?? firstTime
        }
        if other.lastLine > lastLine {
            lastLine = other.lastLine
            lastTime = other.lastTime ?? lastTime
        }
    }

    /// Whether a line's tokens fit this (merged) key: equal shapes, or any value where it
    /// holds a wildcard.
    func matches(_ line: [TemplateToken]) -> Bool {
        guard line.count == tokens.count else { return false }
        for (mine, theirs) in zip(tokens, line) where !mine.isWildcard && mine.word != theirs.word { return false }
        return true
    }

    func summary(id: Int, template: String) -> LogPatternSummary {
        LogPatternSummary(id: id, template: template, count: count, level: level, firstLine: firstLine,
                          lastLine: lastLine, firstTime: firstTime, lastTime: lastTime)
    }
}
