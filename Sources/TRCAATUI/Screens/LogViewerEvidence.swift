import TRCAACore

/// The viewer's PII review and evidence: what a line's PII is, dismissing it, and marked
/// lines attached to a why.
extension App {
    /// Asks before dismissing spans as false positives (default No).
    static func confirmDismissal(of spanIds: [String], line: Int, in state: inout AppState) {
        state.overlay = .confirm(ConfirmState(
            title: "Dismiss \(counted(spanIds.count, "PII span")) on line \(line + 1)?",
            message: "They are judged false positives: no longer highlighted, redacted or purged. "
                + "The stored text does not change; the audit log records each dismissal.",
            onYes: [.dismissSpans(spanIds)]))
    }

    /// The 5-Whys of the issue the log belongs to, and a new why, to attach the marked lines to.
    static func openEvidencePicker(for viewer: LogViewerState, in state: inout AppState) {
        guard !viewer.marks.isEmpty else { return inform("mark lines with m first", in: &state) }
        openWhyPicker(issueId: viewer.issueId, title: "Attach \(counted(viewer.marks.count, "line")) to",
                      purpose: .attachEvidence(logId: viewer.logId), offeringNew: true, in: &state)
    }

    /// The 5-Whys of issue `issueId`, to attach evidence to; with `offeringNew`, a new why first.
    static func openWhyPicker(issueId: String, title: String, purpose: PickerPurpose, offeringNew: Bool = false,
                              in state: inout AppState) {
        let detail = state.screens(IssueDetailState.self).first { $0.issueId == issueId }
        guard let detail else { return inform("open this log from its issue to attach lines to its whys", in: &state) }
        let steps = detail.detail?.steps ?? []
        guard !steps.isEmpty || offeringNew else {
            return inform("this issue has no whys yet: add one on its 5-Whys tab", in: &state)
        }
        let options = (offeringNew ? [PickerOption("+ a new why", .newEntry)] : [])
            + steps.map { PickerOption("#\($0.stepOrder) \($0.whyQuestion)", .text($0.id)) }
        state.overlay = .picker(PickerState(title: title, options: options, purpose: purpose))
    }

    /// The kinds of incident event to make of the marked lines (or the line under the cursor).
    static func openIncidentKindPicker(for viewer: LogViewerState, in state: inout AppState) {
        let lines = viewer.marks.isEmpty ? viewer.selectedLine.map { [$0.number] } ?? [] : viewer.marks.keys.sorted()
        guard !lines.isEmpty else { return }
        state.overlay = .picker(PickerState(
            title: lines.count == 1 ? "Line \(lines[0] + 1) is an incident event of which kind?"
                : "The \(lines.count) marked lines are incident events of which kind?",
            options: IncidentEventKind.allCases.map { PickerOption($0.displayName, .incidentKind($0)) },
            purpose: .incidentKind(logId: viewer.logId, lines: lines)))
    }

    /// The evidence text for the marked lines: "file.log:12: text", one per line.
    static func evidence(from viewer: LogViewerState) -> String {
        viewer.marks.keys.sorted().map { "\(viewer.fileName):\($0 + 1): \(viewer.marks[$0] ?? "")" }.joined(separator: "\n")
    }

    static func piiDescription(_ line: ViewerLine) -> String {
        line.pii.map { mark in
            let text = String(decoding: line.bytes[mark.range], as: UTF8.self)
            return "\(mark.type): \(text)\n  \(PIIType(rawValue: mark.type)?.reason ?? "detected by the PII rules")"
        }.joined(separator: "\n")
    }
}
