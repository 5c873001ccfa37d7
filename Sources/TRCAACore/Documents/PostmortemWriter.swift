import Foundation

/// The blameless post-mortem, with the original's sections and headings (trcaa-original §7.2).
enum PostmortemWriter {
    static func markdown(_ detail: IssueDetail, generatedAt: Date) -> String {
        let issue = detail.issue
        var out: [String] = ["# Blameless Post-Mortem: \(MarkdownEscaping.oneLine(issue.title))", ""]

        out += ["## Metadata", "",
                "- **Date:** \(issue.createdAt)",
                "- **Severity:** \(MarkdownEscaping.oneLine(issue.severity))",
                "- **Category:** \(MarkdownEscaping.oneLine(issue.category))",
                "- **Status:** \(MarkdownEscaping.oneLine(issue.status))",
                "- **Last Updated:** \(issue.updatedAt)",
                "- **Assigned To:** \(issue.assignedTo.isEmpty ? "_Unassigned_" : MarkdownEscaping.oneLine(issue.assignedTo))",
                "- **Authors:** _[Add authors]_",
                "- **Reviewers:** _[Add reviewers]_", ""]

        out += ["## Executive Summary", "",
                issue.description.allSatisfy(\.isWhitespace)
                    ? "_Provide a brief executive summary of the incident._" : issue.description, ""]

        out += ["## Impact", "",
                "- **Duration:** \(IncidentFigures(detail.incidentEvents).durationText)",
                "- **Users Affected:** _[How many users were affected?]_",
                "- **Revenue Impact:** _[Was there a revenue impact?]_",
                "- **SLA Impact:** _[Were any SLAs breached?]_", ""]

        out += ["## Detection and Response", ""] + IncidentSections.figures(detail)

        out += ["## Timeline", ""]
        out += IncidentSections.timeline(detail, placeholder:
            "_No incident events recorded yet: add them from log lines (T in the viewer) or with `trcaa timeline add`._")

        out += ["## Root Cause Analysis", "", "### 5 Whys", ""]
        if detail.steps.isEmpty {
            out += ["First", "Second", "Third", "Fourth", "Fifth"].enumerated().map { index, ordinal in
                "\(index + 1). **Why?** _[\(ordinal) question]_ -> _[Answer]_"
            } + [""]
        } else {
            out += IncidentSections.whys(detail, headingLevel: 4)
        }
        if let rootCause = detail.rootCause { out += ["**Root Cause:** \(MarkdownEscaping.lines(rootCause.text))", ""] }

        out += ["## Contributing Factors", "",
                "_Blameless: describe the systems and processes that allowed this, not the people._", "",
                "- _[Contributing factor 1]_", "- _[Contributing factor 2]_", "- _[Contributing factor 3]_", ""]

        out += ["## What Went Well", ""]
        if !detail.steps.isEmpty {
            out.append("- Systematic 5-whys analysis conducted (\(detail.steps.count) steps completed)")
        }
        if detail.timeline.contains(where: { $0.eventType == TimelineEventType.rootCauseIdentified.rawValue }) {
            out.append("- Root cause was identified during triage")
        }
        out += ["- _[What else went well?]_", "- _[Which tools or runbooks helped?]_", "- _[Who was reached quickly?]_", ""]

        out += ["## What Could Be Improved", "",
                "- _[What slowed the response?]_", "- _[What was missing?]_", "- _[What would have prevented it?]_", ""]

        out += ["## Action Items", ""]
        out += IncidentSections.actionItems(detail, placeholder: [
            "| P0 | _[Immediate fix]_ | _[Owner]_ | _[Date]_ | Open |",
            "| P1 | _[Preventive measure]_ | _[Owner]_ | _[Date]_ | Open |",
            "| P2 | _[Monitoring improvement]_ | _[Owner]_ | _[Date]_ | Open |"])

        if !detail.logFiles.isEmpty {
            out += ["## Appendix: Log Files", ""]
            out += detail.logFiles.map {
                "- `\(MarkdownEscaping.oneLine($0.fileName).replacingOccurrences(of: "`", with: "'"))` "
                    + "(\($0.fileSize) bytes, redacted: \($0.redacted ? "yes" : "no"))"
            } + [""]
        }
        out += DocumentFooter.lines(generatedAt)
        return out.joined(separator: "\n")
    }
}
