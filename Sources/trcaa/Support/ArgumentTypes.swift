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
