/// One pattern of a log: a kind of message, how often it came and where.
public struct LogPatternSummary: Sendable, Equatable {
    /// The pattern "other": lines left ungrouped once a log held `PatternMiner.maximumKeys`
    /// different messages.
    public static let otherId = 0

    /// 1, 2, … in order of first appearance; `otherId` for the other bucket.
    public var id: Int
    /// The message with its variables as `<*>`, `<num>`, `<ip>`, `<hex>`, `<time>`.
    public var template: String
    public var count: Int
    /// The level of its first line.
    public var level: LogLevel
    /// 0-based lines of its first and last occurrence.
    public var firstLine: Int
    public var lastLine: Int
    /// `LogTimestamp` seconds of its first and last timed line, when lines carry a time.
    public var firstTime: Int?
    public var lastTime: Int?

    public init(id: Int, template: String, count: Int, level: LogLevel, firstLine: Int, lastLine: Int,
                firstTime: Int?, lastTime: Int?) {
        (self.id, self.template, self.count, self.level) = (id, template, count, level)
        (self.firstLine, self.lastLine, self.firstTime, self.lastTime) = (firstLine, lastLine, firstTime, lastTime)
    }

    public var isOther: Bool { id == Self.otherId }

    /// The template text of the other bucket.
    public static let otherTemplate = "(other: lines not grouped, the log holds too many kinds of message)"
}

/// The result of mining: the patterns, and the pattern of each key the miner handed out.
public struct MinedPatterns: Sendable {
    /// By id; the other bucket (id 0) first when it holds lines.
    public var patterns: [LogPatternSummary]
    /// `patternOfKey[key]` for each key returned by `PatternMiner.add`.
    public var patternOfKey: [UInt32]
}
