import ArgumentParser
import TRCAACore

// Argument types live here, not in TRCAACore: parsing text into domain values is the CLI's job.

extension Severity: ExpressibleByArgument {
    public init?(argument: String) { self.init(input: argument) }
    public static var allValueStrings: [String] { allCases.map(\.rawValue) + allCases.map(\.name) }
    public var defaultValueDescription: String { rawValue }
}

extension IssueStatus: ExpressibleByArgument {
    public init?(argument: String) { self.init(input: argument) }
}

extension IssueCategory: ExpressibleByArgument {
    public init?(argument: String) { self.init(input: argument) }
}

extension IssueSort: ExpressibleByArgument {}

extension ExportFormat: ExpressibleByArgument {
    public init?(argument: String) { self.init(input: argument) }
}

extension TimelineEventType: ExpressibleByArgument {}

extension RedactionTokens: ExpressibleByArgument {}

/// `--lines A:B` (1-based, inclusive; `A:` to the end, `:B` from the start, `N` one line).
struct LineRange: ExpressibleByArgument {
    /// 0-based, end exclusive.
    var range: Range<Int>

    init?(argument: String) {
        let parts = argument.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        let first = parts[0].isEmpty ? 1 : Int(parts[0])
        let last = parts.count == 1 ? first : (parts[1].isEmpty ? Int.max : Int(parts[1]))
        guard let first, let last, first >= 1, last >= first else { return nil }
        range = (first - 1)..<(last == Int.max ? Int.max : last)
    }
}

/// `--max-size 512M`.
struct SizeLimit: ExpressibleByArgument {
    var bytes: Int64

    init?(argument: String) {
        guard let bytes = ByteSize.parse(argument), bytes > 0 else { return nil }
        self.bytes = bytes
    }
}
