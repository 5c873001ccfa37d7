import ArgumentParser
import TRCAACore

/// `trcaa timeline …`.
struct TimelineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timeline",
        abstract: "Show an issue's timeline or add an entry to it.",
        subcommands: [List.self, Add.self]
    )
}

extension TimelineCommand {
    struct List: StoreCommand {
        static let configuration = CommandConfiguration(abstract: "List an issue's events in order, with the time between them.")

        @OptionGroup(title: "Global Options") var global: GlobalOptions
        @Argument(help: "The issue: 42, #42, OPS-42 or an id prefix.") var issue: String
        @Flag(help: "Print the result as JSON.") var json = false

        func run(in workspace: Workspace) throws {
            let events = try workspace.timeline.list(issueId: try workspace.issues.resolve(issue))
            if json { return try Console.printJSON(events) }
            var previous: String?
            let rows = events.map { event -> [String] in
                defer { previous = event.createdAt }
                let gap = previous.map { Self.gap(from: $0, to: event.createdAt) } ?? ""
                return [TimeText.local(event.createdAt), gap, TimelineEventType.displayName(of: event.eventType), event.description]
            }
            print(TextTable(header: [TimeText.localHeader, "AFTER", "EVENT", "DESCRIPTION"], rows: rows)
                .render(width: global.output.width))
        }

        /// `+12s` under a minute, else the documents' duration (`+2h 15m`).
        static func gap(from start: String, to end: String) -> String {
            guard let from = start.date, let to = end.date else { return "" }
            let seconds = Int(to.timeIntervalSince(from))
            return seconds < 60 ? "+\(max(seconds, 0))s" : "+" + IncidentDuration.between(start, end)
        }
    }

    struct Add: StoreCommand {
        static let configuration = CommandConfiguration(abstract: "Add an event of one of the seven types and print its id.")

        @OptionGroup(title: "Global Options") var global: GlobalOptions
        @Argument(help: "The issue: 42, #42, OPS-42 or an id prefix.") var issue: String
        @Argument(help: "The event type.") var type: TimelineEventType
        @Argument(help: "What happened.") var description: String
        @Option(help: "JSON metadata, at most 10240 bytes.") var metadata: String?

        func run(in workspace: Workspace) throws {
            let event = try workspace.timeline.add(issueId: try workspace.issues.resolve(issue), type: type,
                                                   description: description, metadata: metadata)
            print(event.id)
        }
    }
}
