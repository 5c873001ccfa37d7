import TRCAAStore

extension LogService {
    /// A log's message patterns by id (the other bucket, id 0, first when it holds lines).
    /// A log stored before patterns were mined at import is mined now, once, and stored;
    /// `progress` gets the bytes read and the total meanwhile. `redacted`: the templates as
    /// the redacted view shows them (`LogPatternSummary.redactingTemplates`).
    ///
    /// - throws: `TriageError.unknownID`, `LogContentError`, `StoreError`.
    public func patterns(_ id: String, redacted: Bool = false,
                         progress: ((_ read: Int64, _ total: Int64?) -> Void)? = nil) throws -> [LogPatternSummary] {
        let patterns = try storedPatterns(id, progress: progress)
        return redacted ? LogPatternSummary.redactingTemplates(patterns) : patterns
    }

    /// The patterns of `logs` (an issue's, in their order) grouped by template across them
    /// (`IssuePattern.merge`); logs not mined yet are mined first, `progress` getting each log's
    /// bytes read and total. `redacted`: templates as the redacted view shows them.
    public func patterns(ofLogs logs: [LogFileSummary], redacted: Bool = false,
                         progress: ((_ read: Int64, _ total: Int64?) -> Void)? = nil) throws -> [IssuePattern] {
        let merged = IssuePattern.merge(try logs.map { ($0, try storedPatterns($0.id, progress: progress)) })
        return redacted ? IssuePattern.redactingTemplates(merged) : merged
    }

    private func storedPatterns(_ id: String, progress: ((Int64, Int64?) -> Void)?) throws -> [LogPatternSummary] {
        if let stored = try LogPatternStore.patterns(ofLog: id, in: context.database) { return stored }
        let table = try mineStored(id, progress: progress)
        try context.database.write { db in try LogPatternStore.replace(table, ofLog: id, in: db) }
        return table.patterns
    }

    /// The 0-based numbers of the lines in any of `patterns`, in order: read from the stored
    /// line patterns, without mining or reading the text.
    public func lines(_ id: String, inPatterns patterns: Set<Int>) throws -> [Int] {
        let filter = LineFilter(text: "", ignoringCase: false, excludes: false, patterns: patterns)
        return try PatternLineFilter(self, id, [filter])?.lines() ?? []
    }

    /// Evidence for a pattern as a why quotes it: a first line naming the pattern, its lines
    /// and its template, then the first `examples` lines of each log that holds it, as
    /// `file.log:N: text` (as the redacted view shows them when `redacted`).
    public func patternEvidence(_ occurrences: [PatternOccurrence], examples: Int = 3, redacted: Bool) throws -> String {
        guard let first = occurrences.first else { return "" }
        let shown = redacted ? LogPatternSummary.redactingTemplates([first.pattern])[0] : first.pattern
        let template = shown.isOther ? LogPatternSummary.otherTemplate : shown.template
        let heading = occurrences.count == 1
            ? "\(first.fileName): pattern \(first.pattern.id), \(counted(first.pattern.count, "line")) "
                + "(lines \(first.pattern.firstLine + 1)–\(first.pattern.lastLine + 1)): \(template)"
            : "pattern in " + occurrences.map { "\($0.fileName) (\(counted($0.pattern.count, "line")))" }.joined(separator: ", ")
                + ": \(template)"
        var quoted: [String] = []
        for occurrence in occurrences {
            let numbers = Array(try lines(occurrence.logId, inPatterns: [occurrence.pattern.id]).prefix(examples))
            for line in try viewerLines(occurrence.logId, numbers: numbers, redacted: redacted) {
                let text = String(decoding: line.bytes, as: UTF8.self) + (line.cutBytes > 0 ? "…" : "")
                quoted.append("\(occurrence.fileName):\(line.number + 1): \(text)")
            }
        }
        return ([heading] + quoted).joined(separator: "\n")
    }

    /// Each pattern's lines counted in `buckets` equal stretches of the log, first line to
    /// last (for sparklines).
    public func patternHistogram(_ id: String, buckets: Int) throws -> [Int: [Int]] {
        let blocks = try LogPatternStore.linePatterns(ofLog: id, in: context.database)
        let total = max(1, blocks.last.map { $0.firstLine + $0.ids.count } ?? 0)
        let patterns = Int(blocks.lazy.compactMap { $0.ids.max() }.max() ?? 0) + 1
        // Counted flat, a row of `buckets` per pattern id: a line costs an add, not a lookup.
        var counts = [Int](repeating: 0, count: patterns * buckets)
        for block in blocks {
            for (offset, pattern) in block.ids.enumerated() {
                counts[Int(pattern) * buckets + (block.firstLine + offset) * buckets / total] += 1
            }
        }
        var histogram: [Int: [Int]] = [:]
        for pattern in 0..<patterns {
            let row = Array(counts[(pattern * buckets)..<((pattern + 1) * buckets)])
            if row.contains(where: { $0 > 0 }) { histogram[pattern] = row }
        }
        return histogram
    }

    /// Reads a stored log block by block, as its index cut it, and mines it.
    private func mineStored(_ id: String, progress: ((Int64, Int64?) -> Void)?) throws -> LogPatternTable {
        let reader = try reader(id)
        var boundaries = Array(reader.blockOffsets.dropFirst())
        let total = reader.size
        var mining = BlockPatternMining()
        var block: [UInt8] = []
        var position: Int64 = 0
        try reader.stream { chunk in
            var rest = chunk[...]
            while !rest.isEmpty {
                let boundary = boundaries.first ?? .max
                let taken = Int(min(Int64(rest.count), boundary - position))
                block.append(contentsOf: rest.prefix(taken))
                rest = rest.dropFirst(taken)
                position += Int64(taken)
                if position == boundary {
                    block.withUnsafeBytes { mining.consume($0) }
                    block.removeAll(keepingCapacity: true)
                    boundaries.removeFirst()
                }
            }
            progress?(position, total)
        }
        block.withUnsafeBytes { mining.consume($0) }
        return mining.finish()
    }
}

/// The pattern filters of a viewer's filter stack, applied by line number from the stored
/// line patterns (no text is read): a line shows when it is in every keeping filter's
/// patterns and in no hiding filter's.
struct PatternLineFilter {
    /// Whether each pattern id shows.
    private let shows: [Bool]
    private let patternOfLine: [UInt32]

    /// nil when no filter that is on is a pattern filter.
    init?(_ logs: LogService, _ id: String, _ filters: [LineFilter]) throws {
        let enabled = filters.filter { $0.isEnabled && $0.patterns != nil }
        guard !enabled.isEmpty else { return nil }
        let ids = try logs.patterns(id).map(\.id)
        let keeps = enabled.filter { !$0.excludes }.compactMap(\.patterns)
        let hides = enabled.filter(\.excludes).compactMap(\.patterns).reduce(into: Set<Int>()) { $0.formUnion($1) }
        var shows = [Bool](repeating: false, count: (ids.max() ?? 0) + 1)
        for pattern in ids { shows[pattern] = !hides.contains(pattern) && keeps.allSatisfy { $0.contains(pattern) } }
        self.shows = shows
        var lines: [UInt32] = []
        for block in try LogPatternStore.linePatterns(ofLog: id, in: logs.context.database) { lines += block.ids }
        patternOfLine = lines
    }

    func allows(_ line: Int) -> Bool {
        guard line < patternOfLine.count else { return false }
        let pattern = Int(patternOfLine[line])
        return pattern < shows.count && shows[pattern]
    }

    /// Every line the filters let through.
    func lines() -> [Int] { patternOfLine.indices.filter(allows) }
}
