import TRCAACore

/// The tabs of an issue.
public enum DetailTab: Int, CaseIterable, Sendable {
    case overview, whys, timeline, logs, images, documents, actions

    public var title: String {
        switch self {
        case .overview: "Overview"
        case .whys: "5-Whys"
        case .timeline: "Timeline"
        case .logs: "Logs"
        case .images: "Images"
        case .documents: "Documents"
        case .actions: "Actions"
        }
    }

    /// A shorter name for a crowded tab bar.
    var shortTitle: String {
        switch self {
        case .overview: "Over"
        case .whys: "Whys"
        case .timeline: "Time"
        case .logs: "Logs"
        case .images: "Imgs"
        case .documents: "Docs"
        case .actions: "Acts"
        }
    }

    var context: KeyContext {
        switch self {
        case .overview: .overview
        case .whys: .whys
        case .timeline: .timeline
        case .logs, .images: .attachments
        case .documents: .documents
        case .actions: .actions
        }
    }
}

/// The fields of the Overview tab, in the order shown; the editable ones can be changed in place.
public enum OverviewField: Int, CaseIterable, Sendable {
    case title, severity, status, category, assignee, tags, description

    public var label: String {
        switch self {
        case .title: "Title"
        case .severity: "Severity"
        case .status: "Status"
        case .category: "Category"
        case .assignee: "Assignee"
        case .tags: "Tags"
        case .description: "Description"
        }
    }
}

/// One issue with its tabs.
public struct IssueDetailState: Sendable {
    public let issueId: String
    public var detail: IssueDetail?
    public var tab: DetailTab = .overview
    /// One cursor per tab, so switching tabs keeps each place.
    public var cursors: [DetailTab: ListCursor] = [:]
    public var showsAbsoluteTimes = false
    /// Which events the Timeline tab lists.
    public var timelineView: TimelineView = .all
    /// The step to select once the detail reloads (after adding or moving one).
    public var pendingStepSelection: String?

    public init(issueId: String) { self.issueId = issueId }

    public func cursor(_ tab: DetailTab) -> ListCursor { cursors[tab] ?? ListCursor() }

    /// Rows in `tab` that the cursor moves over.
    public func rowCount(_ tab: DetailTab) -> Int {
        guard let detail else { return 0 }
        switch tab {
        case .overview: return OverviewField.allCases.count
        case .whys: return detail.steps.count
        case .timeline: return timelineRows.count
        case .logs: return detail.logFiles.count
        case .images: return detail.images.count
        case .documents: return detail.documents.count
        case .actions: return detail.actionItems.count
        }
    }

    /// The Timeline tab's rows: incident events and the triage record as `timelineView` says, in time order.
    public var timelineRows: [TimelineRow] {
        guard let detail else { return [] }
        let incident = timelineView == .triage ? [] : detail.incidentEvents.map(TimelineRow.incident)
        let triage = timelineView == .incident ? [] : detail.timeline.map(TimelineRow.triage)
        return (incident + triage).sorted { ($0.time.date ?? .distantPast) < ($1.time.date ?? .distantPast) }
    }

    public var selectedStep: WhyStep? { selected(detail?.steps, on: .whys) }
    public var selectedTimelineRow: TimelineRow? { selected(timelineRows, on: .timeline) }
    public var selectedActionItem: ActionItem? { selected(detail?.actionItems, on: .actions) }
    public var selectedLog: LogFileSummary? { selected(detail?.logFiles, on: .logs) }
    public var selectedImage: ImageSummary? { selected(detail?.images, on: .images) }
    public var selectedDocument: DocumentSummary? { selected(detail?.documents, on: .documents) }

    /// The row of `items` under the cursor of `tab`, if any.
    private func selected<Item>(_ items: [Item]?, on tab: DetailTab) -> Item? {
        guard let items, items.indices.contains(cursor(tab).selected) else { return nil }
        return items[cursor(tab).selected]
    }

    public var selectedField: OverviewField { OverviewField(rawValue: cursor(.overview).selected) ?? .title }
}

/// Which events the Timeline tab lists.
public enum TimelineView: Sendable, CaseIterable {
    case all, incident, triage

    var label: String {
        switch self {
        case .all: "incident and triage events"
        case .incident: "incident events only"
        case .triage: "triage events only"
        }
    }
}

/// A row of the Timeline tab: an event of the incident, or of the triage record.
public enum TimelineRow: Sendable, Equatable {
    case incident(IncidentEvent)
    case triage(TimelineEvent)

    /// When it happened (incident events) or was recorded (triage).
    public var time: String {
        switch self {
        case .incident(let event): event.occurredAt
        case .triage(let event): event.createdAt
        }
    }
}
