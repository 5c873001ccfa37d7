import TRCAAStore

/// A line as the log viewer shows it: the stored or redacted bytes, where PII is in them,
/// and the level the line announces.
public struct ViewerLine: Sendable, Equatable {
    /// 0-based.
    public var number: Int
    /// At most `ViewerLine.displayLimit` bytes of the line.
    public var bytes: [UInt8]
    /// Bytes of the line beyond `bytes`.
    public var cutBytes: Int
    public var pii: [PIIMark]
    public var level: LogLevel

    /// Longer lines are cut for display (a minified JSON line can be megabytes).
    public static let displayLimit = 16 << 10

    public init(number: Int, bytes: [UInt8], cutBytes: Int = 0, pii: [PIIMark] = [], level: LogLevel = .none) {
        self.number = number
        self.bytes = bytes
        self.cutBytes = cutBytes
        self.pii = pii
        self.level = level
    }
}

/// A PII span as it falls on one line of the viewer: the byte range of its value (or, in the
/// redacted view, of its token), its type and the stored span.
public struct PIIMark: Sendable, Equatable {
    public var range: Range<Int>
    public var type: String
    public var spanId: String
}

/// What the viewer looks for from a line on.
public enum LineQuery: Sendable, Equatable {
    /// A fixed string, ignoring ASCII case when asked.
    case text(String, ignoringCase: Bool)
    /// A POSIX extended regular expression, ignoring case when asked.
    case regex(String, ignoringCase: Bool)
    /// A line of exactly this level.
    case level(LogLevel)
}

/// One of the viewer's filters (lnav's filter-in and filter-out): the lines with a text (a
/// fixed string, or a regular expression), or the lines without it. Filters stack: with any
/// include filter on, a line shows when it matches one of them, and no exclude filter that is on.
/// A pattern filter (`patterns` set) keeps or hides the lines of message patterns, on top of
/// the text filters; `text` is then its label.
public struct LineFilter: Sendable, Equatable {
    public var text: String
    public var ignoringCase: Bool
    public var excludes: Bool
    public var isRegex: Bool
    /// A filter turned off stays in the list without hiding anything.
    public var isEnabled: Bool
    /// The patterns (`LogPatternSummary.id`) whose lines the filter keeps or hides.
    public var patterns: Set<Int>?

    public init(text: String, ignoringCase: Bool, excludes: Bool, isRegex: Bool = false, isEnabled: Bool = true,
                patterns: Set<Int>? = nil) {
        self.patterns = patterns
        self.text = text
        self.ignoringCase = ignoringCase
        self.excludes = excludes
        self.isRegex = isRegex
        self.isEnabled = isEnabled
    }

    /// The filter's matcher.
    /// - throws: `TriageError.searchSyntax` for an invalid regular expression.
    public func pattern() throws -> LogPattern { try LogPattern(text, fixed: !isRegex, ignoringCase: ignoringCase) }
}

extension LogService {
    /// Lines `range` (0-based) for the viewer, with their PII and levels; `tokens` are those
    /// of the redacted view.
    public func viewerLines(_ id: String, _ range: Range<Int>, redacted: Bool,
                            tokens: RedactionTokens = .plain) throws -> [ViewerLine] {
        let lines = try reader(id).lines(range)
        guard let first = lines.first, let last = lines.last else { return [] }
        let redactor = try redactor(id, from: first.offset, to: last.offset + Int64(last.bytes.count),
                                    tokens: redacted ? tokens : .plain)
        return lines.map { stored in
            var line = stored
            if line.bytes.last == 13 { line.bytes.removeLast() }  // CRLF text: the viewer shows no `\r`
            let level = line.bytes.withUnsafeBytes { LogLevel.classify($0) }
            var view = redacted ? Self.redactedView(line, id, redactor) : Self.storedView(line, id, redactor)
            let cut = max(0, view.bytes.count - ViewerLine.displayLimit)
            if cut > 0 {
                view.bytes.removeLast(cut)
                view.marks = view.marks.compactMap { mark in
                    let range = mark.range.clamped(to: 0..<ViewerLine.displayLimit)
                    return range.isEmpty ? nil : PIIMark(range: range, type: mark.type, spanId: mark.spanId)
                }
            }
            return ViewerLine(number: line.number, bytes: view.bytes, cutBytes: cut, pii: view.marks, level: level)
        }
    }

    /// Lines `numbers` (0-based, ascending) for the viewer: the rows of a filtered view.
    public func viewerLines(_ id: String, numbers: [Int], redacted: Bool,
                            tokens: RedactionTokens = .plain) throws -> [ViewerLine] {
        guard let first = numbers.first, let last = numbers.last else { return [] }
        let wanted = Set(numbers)
        var lines: [ViewerLine] = []
        // Read in stretches, so a sparse filter never holds more than one stretch of lines; a
        // stretch ends at its last wanted line.
        var start = first
        while start <= last {
            let end = (numbers.last { $0 < start + 2000 } ?? start) + 1
            lines += try viewerLines(id, start..<end, redacted: redacted, tokens: tokens).filter { wanted.contains($0.number) }
            start = numbers.first { $0 >= end } ?? last + 1
        }
        return lines
    }

    /// How long scans report: `progress` gets the lines read so far every `progressLines`
    /// lines, and a scan ends early (with no result) once `shouldStop` says so.
    public static let progressLines = 1 << 16

    /// Every line that passes `filters` (and that `query` finds, when given), in order; nil when stopped.
    public func filterLines(_ id: String, _ filters: [LineFilter], matching query: LineQuery? = nil, redacted: Bool,
                            tokens: RedactionTokens = .plain, progress: (Int) -> Void = { _ in },
                            shouldStop: () -> Bool = { false }) throws -> [Int]? {
        let byPattern = try PatternLineFilter(self, id, filters)
        if query == nil, let byPattern, !filters.contains(where: { $0.isEnabled && $0.patterns == nil }) { return byPattern.lines() }
        let matcher = try LineMatcher(query: query, filters: filters, redactor: redacted ? try redactor(id, tokens: tokens) : nil)
        var numbers: [Int] = []
        var stopped = false
        try reader(id).forEachLine { number, offset, bytes in
            if byPattern?.allows(number) ?? true, matcher.matches(offset, bytes) { numbers.append(number) }
            if number % Self.progressLines == 0, number > 0 {
                progress(number)
                stopped = shouldStop()
            }
            return !stopped
        }
        return stopped ? nil : numbers
    }

    /// The first line after (or, backwards, before) `line` that `query` finds among the lines
    /// `filters` let through, if any. Levels skip the blocks the index counts none of that
    /// level in.
    public func findLine(_ id: String, _ query: LineQuery, from line: Int, forward: Bool, redacted: Bool,
                         tokens: RedactionTokens = .plain, filters: [LineFilter] = [], progress: (Int) -> Void = { _ in },
                         shouldStop: () -> Bool = { false }) throws -> Int? {
        let reader = try reader(id)
        let matcher = try LineMatcher(query: query, filters: filters, redactor: redacted ? try redactor(id, tokens: tokens) : nil)
        let byPattern = try PatternLineFilter(self, id, filters)
        var scanned = 0
        var stopped = false
        for block in Self.blocks(of: reader, forward: forward, around: line) {
            if case .level(let level) = query, (level == .error ? block.errors : block.warnings) == 0 { continue }
            let lower = forward ? max(block.lines.lowerBound, line + 1) : block.lines.lowerBound
            let upper = forward ? block.lines.upperBound : min(block.lines.upperBound, line)
            guard lower < upper else { continue }
            var found: Int?
            try reader.forEachLine(from: lower) { number, offset, bytes in
                guard number < upper else { return false }
                scanned += 1
                if scanned % Self.progressLines == 0 {
                    progress(scanned)
                    stopped = shouldStop()
                    if stopped { return false }
                }
                if byPattern?.allows(number) ?? true, matcher.matches(offset, bytes) {
                    found = number
                    return !forward  // backwards, the last match in the block is the nearest
                }
                return true
            }
            if stopped { return nil }
            if let found { return found }
        }
        return nil
    }

    /// A query and filters applied to lines of the stored text or of its redacted view.
    private struct LineMatcher {
        let query: LineQuery?
        let pattern: LogPattern?
        /// The filters that are on.
        let includes: [LogPattern], excludes: [LogPattern]
        /// For the redacted view; nil for the stored text.
        let redactor: Redactor?

        init(query: LineQuery?, filters: [LineFilter], redactor: Redactor?) throws {
            self.query = query
            pattern = switch query {
            case .text(let text, let ignoringCase): try LogPattern(text, fixed: true, ignoringCase: ignoringCase)
            case .regex(let text, let ignoringCase): try LogPattern(text, ignoringCase: ignoringCase)
            case .level, nil: nil
            }
            let enabled = filters.filter { $0.isEnabled && $0.patterns == nil }
            includes = try enabled.filter { !$0.excludes }.map { try $0.pattern() }
            excludes = try enabled.filter(\.excludes).map { try $0.pattern() }
            self.redactor = redactor
        }

        func matches(_ offset: Int64, _ stored: UnsafeRawBufferPointer) -> Bool {
            // Most lines carry no PII: their redacted view is the stored text, with no copy.
            guard let redactor, !redactor.overlapping(offset: offset, count: stored.count).isEmpty else { return test(stored) }
            return redactor.view(of: stored, at: offset).bytes.withUnsafeBytes { test($0) }
        }

        private func test(_ bytes: UnsafeRawBufferPointer) -> Bool {
            if !includes.isEmpty, !includes.contains(where: { $0.matches(bytes) }) { return false }
            if excludes.contains(where: { $0.matches(bytes) }) { return false }
            switch query {
            case .level(let level): return LogLevel.classify(bytes) == level
            case .text, .regex: return pattern?.matches(bytes) == true
            case nil: return true
            }
        }
    }

    /// The index's blocks as line ranges with their level counts, in search order from `line`.
    private static func blocks(of reader: LogReader, forward: Bool, around line: Int)
        -> [(lines: Range<Int>, errors: Int, warnings: Int)]
    {
        var summary = reader.levelSummary
        if summary.isEmpty { summary = [(0, 1, 1)] }  // no index: one block, counts unknown
        var blocks: [(lines: Range<Int>, errors: Int, warnings: Int)] = []
        for (index, block) in summary.enumerated() {
            let end = index + 1 < summary.count ? summary[index + 1].firstLine + 1 : reader.lineCount
            blocks.append((block.firstLine..<max(block.firstLine, end), block.errors, block.warnings))
        }
        return forward ? blocks.filter { $0.lines.upperBound > line } : blocks.filter { $0.lines.lowerBound < line }.reversed()
    }

    /// A line of the stored text and where the spans fall in it.
    private static func storedView(_ line: LogLine, _ logId: String, _ redactor: Redactor) -> (bytes: [UInt8], marks: [PIIMark]) {
        let end = line.offset + Int64(line.bytes.count)
        let marks = redactor.overlapping(offset: line.offset, count: line.bytes.count).map { index in
            let span = redactor.spans[index]
            return mark(span, logId, Int(max(span.start, line.offset) - line.offset)..<Int(min(span.end, end) - line.offset))
        }
        return (line.bytes, marks)
    }

    /// A line's redacted view and where its tokens are (`Redactor.view`).
    private static func redactedView(_ line: LogLine, _ logId: String, _ redactor: Redactor) -> (bytes: [UInt8], marks: [PIIMark]) {
        let view = line.bytes.withUnsafeBytes { redactor.view(of: $0, at: line.offset) }
        return (view.bytes, view.tokens.map { mark(redactor.spans[$0.span], logId, $0.range) })
    }

    private static func mark(_ span: Redactor.Span, _ logId: String, _ range: Range<Int>) -> PIIMark {
        PIIMark(range: range, type: PIIType.name(ofCode: span.type), spanId: spanId(logId: logId, start: span.start))
    }
}
