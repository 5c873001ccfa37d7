import Foundation

/// The parts of the RCA and the post-mortem that report the incident itself: its figures, its
/// timeline in incident time with the evidence quoted exactly, the 5-Whys and the action items.
enum IncidentSections {
    /// Impact start, detection, mitigation, resolution and the times between; unknown ones
    /// say which event would give them.
    static func figures(_ detail: IssueDetail) -> [String] {
        IncidentFigures(detail.incidentEvents).rows.map { "- **\($0.label):** \($0.value)" } + [""]
    }

    /// The events in incident time as a table, then each event's evidence as a code block.
    static func timeline(_ detail: IssueDetail, placeholder: String) -> [String] {
        let events = detail.incidentEvents
        guard !events.isEmpty else { return [placeholder, ""] }
        var out = ["| Time (UTC) | Kind | Event | Source |", "|------------|------|-------|--------|"]
        let logNames = Dictionary(detail.logFiles.map { ($0.id, $0.fileName) }, uniquingKeysWith: { first, _ in first })
        out += events.map { event in
            let source = event.logFileId.flatMap { logNames[$0] }.map { name in
                event.lineNumber.map { "\(name):\($0)" } ?? name
            } ?? ""
            return "| \(event.occurredAt) | \(event.kind.displayName) | \(MarkdownEscaping.cell(event.description)) | "
                + "\(MarkdownEscaping.cell(source)) |"
        }
        out.append("")
        let withEvidence = events.filter { !$0.evidence.allSatisfy(\.isWhitespace) }
        guard !withEvidence.isEmpty else { return out }
        out += ["### Evidence", ""]
        for event in withEvidence {
            out += ["**\(event.occurredAt) · \(event.kind.displayName):** \(MarkdownEscaping.oneLine(event.description))", "",
                    MarkdownEscaping.codeBlock(event.evidence), ""]
        }
        return out
    }

    /// Each why under a heading of `level` with its answer (line breaks kept) and its evidence
    /// quoted as a code block.
    static func whys(_ detail: IssueDetail, headingLevel level: Int) -> [String] {
        var out: [String] = []
        for step in detail.steps {
            out += ["\(String(repeating: "#", count: level)) Why #\(step.stepOrder): \(MarkdownEscaping.oneLine(step.whyQuestion))", ""]
            out += [step.answer.allSatisfy(\.isWhitespace)
                ? "_Awaiting answer._" : "**Answer:** \(MarkdownEscaping.lines(step.answer))", ""]
            if !step.evidence.allSatisfy(\.isWhitespace) {
                out += ["**Evidence:**", "", MarkdownEscaping.codeBlock(step.evidence), ""]
            }
        }
        return out
    }

    /// The action items as a table; `placeholder` rows when there are none.
    static func actionItems(_ detail: IssueDetail, placeholder: [String]) -> [String] {
        var out = ["| Priority | Action | Owner | Due Date | Status |",
                   "|----------|--------|-------|----------|--------|"]
        if detail.actionItems.isEmpty { return out + placeholder + [""] }
        out += detail.actionItems.map { item in
            "| \(item.priority.rawValue) | \(MarkdownEscaping.cell(item.description)) | "
                + "\(item.owner.isEmpty ? "_Unassigned_" : MarkdownEscaping.cell(item.owner)) | "
                + "\(item.dueDate.isEmpty ? "–" : item.dueDate) | \(item.status.rawValue.capitalized) |"
        }
        return out + [""]
    }
}
