import TRCAACore

/// Every log and image of every issue (the original's 022 views), searchable by file name
/// and issue title.
public struct AttachmentsState: Sendable {
    public var rows: [AttachmentSummary] = []
    public var cursor = ListCursor()
    public var isLoading = true
    /// The search being typed, or kept after Enter.
    public var search: LineEditor?
    public var isEditingSearch = false

    public init() {}

    public var selected: AttachmentSummary? { rows.indices.contains(cursor.selected) ? rows[cursor.selected] : nil }

    /// The search as the store is asked it: nil when there is none or it is empty.
    public var query: String? { search.flatMap { $0.text.isEmpty ? nil : $0.text } }
}

/// The audit log, newest first, and the result of the last verification.
public struct AuditState: Sendable {
    public var entries: [AuditEntry] = []
    public var cursor = ListCursor()
    public var isLoading = true
    public var verification: AuditVerification?

    public init() {}

    /// How many entries the screen loads.
    public static let limit = 2000
}
