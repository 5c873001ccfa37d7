import ArgumentParser
import Foundation
import TRCAACore

/// `trcaa timeline …`: the incident in incident time, and the triage record.
struct TimelineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timeline",
        abstract: "An issue's timeline: what happened in the incident, and the triage record.",
        subcommands: [List.self, Add.self, Edit.self, Delete.self, Record.self]
    )
}

extension IncidentEventKind: ExpressibleByArgument {
    public init?(argument: String) { self.init(input: argument) }
    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}

extension TimelineCommand {
    struct List: StoreCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List an issue's incident events and triage record in time order, with the incident's figures.")

        @OptionGroup(title: "Global Options") var global: GlobalOptions
        @Argument(help: "The issue: 42, #42, OPS-42 or an id prefix.") var issue: String
        @Flag(help: "Only the incident's events (incident time).") var incident = false
        @Flag(help: "Only the triage record (what trcaa did, when).") var triage = false
        @Flag(help: "Print the result as JSON: figures, incident events and triage events.") var json = false

        struct Output: Encodable {
            let figures: IncidentFigures
            let incident: [IncidentEvent]
            let triage: [TimelineEvent]
        }

        func validate() throws {
            if incident && triage { throw ValidationError("--incident and --triage exclude each other; give neither for both") }
        }

        func run(in workspace: Workspace) throws {
            let id = try workspace.issues.resolve(issue)
            let events = (incident: triage ? [] : try workspace.incident.list(issueId: id),
                          triage: incident ? [] : try workspace.timeline.list(issueId: id))
            if json {
                return try Console.printJSON(Output(figures: IncidentFigures(try workspace.incident.list(issueId: id)),
                                                    incident: events.incident, triage: events.triage))
            }
            let entries = (events.incident.map { ($0.occurredAt, "incident", $0.kind.displayName, $0.description, $0.id) }
                + events.triage.map { ($0.createdAt, "triage", TimelineEventType.displayName(of: $0.eventType), $0.description, "") })
                .sorted { ($0.0.date ?? .distantPast) < ($1.0.date ?? .distantPast) }
            let shortIDs = Dictionary(uniqueKeysWithValues: zip(events.incident.map(\.id),
                                                                try workspace.incident.shortIDs(events.incident.map(\.id))))
            var previous: String?
            let rows = entries.map { entry -> [String] in
                defer { previous = entry.0 }
                let gap = previous.map { Self.gap(from: $0, to: entry.0) } ?? ""
                return [TimeText.local(entry.0), gap, entry.1, entry.2, entry.3, shortIDs[entry.4] ?? ""]
            }
            print(TextTable(header: [TimeText.localHeader, "AFTER", "OF", "EVENT", "DESCRIPTION", "ID"], rows: rows)
                .render(width: global.output.width))
            if !triage, !events.incident.isEmpty {
                print("")
                IncidentFigures(events.incident).rows.forEach { print($0.label.padding(to: 18) + $0.value) }
            }
        }

        /// `IncidentDuration.gap`, empty when either time does not parse.
        static func gap(from start: String, to end: String) -> String {
            guard let from = start.date, let to = end.date else { return "" }
            return IncidentDuration.gap(from: from, to: to)
        }
    }

    struct Add: StoreCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Add an incident event, at a time you give or at the time of a log line; print its id.",
            discussion: """
                Times, in local time (TZ) unless a zone is written: 2026-12-10 06:55[:48][Z|+01:00], \
                Dec 10 06:55:48, 06:55 (on the incident's first day), +15m or -1h (from the incident's start), \
                now, now-5m. Without --at, --log and --line take the time from that line (a log's times are \
                read as UTC) and quote it as the evidence.
                """)

        @OptionGroup(title: "Global Options") var global: GlobalOptions
        @Argument(help: "The issue: 42, #42, OPS-42 or an id prefix.") var issue: String
        @Argument(help: "What happened (with --line: defaults to the line itself).") var text: String = ""
        @Option(help: "When it happened (local time unless a zone is written, as timeline list shows it).") var at: String?
        @Option(help: "impact_started, detected, mitigated, resolved or note.") var kind: IncidentEventKind = .note
        @Option(help: "Evidence: quoted log lines or any text.") var evidence = ""
        @Option(help: "A log of the issue (short id or prefix) to take the event from, with --line.") var log: String?
        @Option(help: "The line of --log (1-based).") var line: Int?

        func validate() throws {
            if (log == nil) != (line == nil) { throw ValidationError("--log and --line go together") }
            if log == nil, at == nil { throw ValidationError("say when: --at TIME, or --log LOG --line N") }
            if log != nil, at != nil { throw ValidationError("give --at or --log/--line, not both: a line brings its own time") }
            if let line, line < 1 { throw ValidationError("--line counts from 1") }
        }

        func run(in workspace: Workspace) throws {
            let id = try workspace.issues.resolve(issue)
            let events: [IncidentEvent]
            if let log, let line {
                let logId = try workspace.logs.resolve(log)
                guard try workspace.logs.detail(logId).summary.issueId == id else {
                    throw ValidationError("log '\(log)' belongs to another issue")
                }
                events = try workspace.incident.addFromLog(logId, lines: [line - 1], kind: kind, description: text)
            } else {
                let when = try Self.time(at ?? "", issueId: id, in: workspace)
                events = try workspace.incident.add(issueId: id, [.init(at: when, kind: kind, description: text, evidence: evidence)])
            }
            events.forEach { print($0.id) }
        }

        /// A typed time: relative ones count from the incident's start, others are local (`TZ`)
        /// unless they name a zone, as `timeline list` shows times.
        static func time(_ text: String, issueId: String, in workspace: Workspace) throws -> Date {
            try IncidentTime.parse(text, start: IncidentFigures.anchor(of: try workspace.incident.list(issueId: issueId)),
                                   now: Date(), zone: .current)
        }
    }

    struct Edit: StoreCommand {
        static let configuration = CommandConfiguration(
            commandName: "edit", abstract: "Change an incident event's time, kind, text or evidence.")

        @OptionGroup(title: "Global Options") var global: GlobalOptions
        @Argument(help: "The event's id or a prefix (timeline list shows them).") var event: String
        @Option var at: String?
        @Option var kind: IncidentEventKind?
        @Option var text: String?
        @Option var evidence: String?

        func validate() throws {
            if at == nil, kind == nil, text == nil, evidence == nil {
                throw ValidationError("nothing to change; give --at, --kind, --text or --evidence")
            }
        }

        func run(in workspace: Workspace) throws {
            let current = try workspace.incident.get(event)
            let when = try at.map { try Add.time($0, issueId: current.issueId, in: workspace) }
            _ = try workspace.incident.edit(current.id, at: when, kind: kind, description: text, evidence: evidence)
        }
    }

    struct Delete: StoreCommand {
        static let configuration = CommandConfiguration(commandName: "rm", abstract: "Delete an incident event (audited).")

        @OptionGroup(title: "Global Options") var global: GlobalOptions
        @Argument(help: "The event's id or a prefix.") var event: String

        func run(in workspace: Workspace) throws { try workspace.incident.delete(event) }
    }

    struct Record: StoreCommand {
        static let configuration = CommandConfiguration(
            commandName: "record",
            abstract: "Add a triage-record entry of one of the original's seven types and print its id.")

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
