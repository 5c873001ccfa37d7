import TRCAACore

/// The tabs of an issue.
public enum DetailTab: Int, CaseIterable, Sendable {
    case overview, whys, timeline, logs, images, documents

    public var title: String {
        switch self {
        case .overview: "Overview"
        case .whys: "5-Whys"
        case .timeline: "Timeline"
        case .logs: "Logs"
        case .images: "Images"
        case .documents: "Documents"
        }
    }

    var context: KeyContext {
        switch self {
        case .overview: .overview
        case .whys: .whys
        case .timeline: .timeline
        case .logs, .images: .attachments
        case .documents: .documents
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
        case .timeline: return detail.timeline.count
        case .logs: return detail.logFiles.count
        case .images: return detail.images.count
        case .documents: return detail.documents.count
        }
    }

    public var selectedStep: WhyStep? { selected(detail?.steps, on: .whys) }
    public var selectedEvent: TimelineEvent? { selected(detail?.timeline, on: .timeline) }
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
