import Foundation
import TRCAACore

/// `issue show` as text.
struct IssueDetailText {
    let detail: IssueDetail
    /// How the issue's logs, images and documents are named (`#42/L1`), by id.
    let references: [String: String]
    let output: TerminalOutput

    /// The names of the issue's logs, images and documents, as their lists show them.
    static func references(of detail: IssueDetail, in workspace: Workspace) throws -> [String: String] {
        let parts = try detail.logFiles.map { ($0.id, try workspace.logs.shortId($0.id)) }
            + detail.images.map { ($0.id, try workspace.images.shortId($0.id)) }
            + detail.documents.map { ($0.id, try workspace.documents.shortId($0.id)) }
        return Dictionary(parts) { first, _ in first }
    }

    func render() -> String {
        let issue = detail.issue
        var lines = [output.styled(issue.title, "1"), ""]
        let severityName = Severity(input: issue.severity).map { " (\($0.name))" } ?? ""
        let fields: [(String, String)] = [
            ("Key", issue.key),
            ("ID", issue.id),
            ("Severity", output.severity(issue.severity) + severityName),
            ("Status", issue.status),
            ("Category", issue.category),
            ("Assignee", issue.assignedTo.isEmpty ? "—" : issue.assignedTo),
            ("Tags", issue.tags.isEmpty ? "—" : issue.tags.joined(separator: ", ")),
            ("Created", TimeText.detail(issue.createdAt)),
            ("Updated", TimeText.detail(issue.updatedAt)),
            ("Resolved", TimeText.detail(issue.resolvedAt)),
        ]
        lines += fields.map { label, value in "  " + label.padding(to: 10) + value }
        if !issue.description.allSatisfy(\.isWhitespace) {
            lines += ["", heading("Description")] + indented(issue.description)
        }
        lines += ["", heading("5-Whys") + " (\(detail.steps.count))"]
        if detail.steps.isEmpty { lines.append("  none yet — add one with: trcaa why add \(issue.reference) QUESTION") }
        for step in detail.steps {
            let marker = detail.rootCause?.stepId == step.id && detail.rootCause?.isExplicit == true ? "  ← root cause" : ""
            lines.append("  \(step.stepOrder). \(step.whyQuestion)\(marker)")
            lines += TextBlock.lines(step.answer.isEmpty ? "(no answer yet)" : step.answer, first: "     → ")
            if !step.evidence.isEmpty { lines += TextBlock.lines(step.evidence, first: "     evidence: ") }
        }
        lines += ["", heading("Root cause")]
        if let root = detail.rootCause {
            let origin = root.isExplicit
                ? "marked at why \(root.stepOrder)" + (root.confidence.map { String(format: ", confidence %.2f", $0) } ?? "")
                : "the answer of the last why"
            lines += indented(root.text) + ["  (\(origin))"]
        } else {
            lines.append("  not identified yet")
        }
        lines += ["", heading("Incident") + " (\(detail.incidentEvents.count) events)"]
        lines += IncidentFigures(detail.incidentEvents).rows.map { "  " + $0.label.padding(to: 18) + $0.value }
        lines += detail.incidentEvents.flatMap { event in
            ["  \(TimeText.detail(event.occurredAt))  \(event.kind.displayName.padding(to: 16))\(event.description)"]
                + (event.evidence.isEmpty ? [] : event.evidence.split(separator: "\n").map { "    │ " + $0 })
        }
        lines += ["", heading("Action items") + " (\(detail.actionItems.count))"]
        if detail.actionItems.isEmpty { lines.append("  none yet — add one with: trcaa action add \(issue.reference) TEXT --owner NAME") }
        lines += detail.actionItems.map(ActionText.line)
        lines += ["", heading("Triage record") + " (\(detail.timeline.count))"]
        lines += detail.timeline.map {
            "  \(TimeText.detail($0.createdAt))  \(TimelineEventType.displayName(of: $0.eventType).padding(to: 24))\($0.description)"
        }
        if !detail.logFiles.isEmpty {
            lines += ["", heading("Logs") + " (\(detail.logFiles.count))"]
            lines += detail.logFiles.map { "  \(reference($0.id))  \($0.fileName)  \($0.fileSize) bytes\($0.redacted ? "  redacted" : "")" }
        }
        if !detail.images.isEmpty {
            lines += ["", heading("Images") + " (\(detail.images.count))"]
            lines += detail.images.map { "  \(reference($0.id))  \($0.fileName)  \($0.mimeType)  \($0.fileSize) bytes" }
        }
        if !detail.documents.isEmpty {
            lines += ["", heading("Documents") + " (\(detail.documents.count))"]
            lines += detail.documents.map { "  \(reference($0.id))  \($0.title)\($0.edited ? "  (edited)" : "")" }
        }
        return lines.joined(separator: "\n")
    }

    private func heading(_ text: String) -> String { output.styled(text, "1") }

    private func reference(_ id: String) -> String { references[id] ?? id }

    private func indented(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }
    }
}
