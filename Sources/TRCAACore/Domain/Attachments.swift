/// A stored log file as lists show it (no content).
public struct LogFileSummary: Sendable, Equatable, Codable {
    public var id: String
    public var issueId: String
    public var fileName: String
    public var fileSize: Int64
    public var contentHash: String
    @ISOTimestamp public var uploadedAt: String
    public var redacted: Bool
}

/// A stored image as lists show it (no bytes).
public struct ImageSummary: Sendable, Equatable, Codable {
    public var id: String
    public var issueId: String
    public var fileName: String
    public var fileSize: Int64
    public var mimeType: String
    public var uploadHash: String
    @ISOTimestamp public var uploadedAt: String
}

/// Everything about one issue, for `issue show`, documents and the detail screen.
public struct IssueDetail: Sendable, Equatable, Codable {
    public var issue: Issue
    public var steps: [WhyStep]
    public var rootCause: RootCause?
    public var timeline: [TimelineEvent]
    /// What happened in incident time, in order.
    public var incidentEvents: [IncidentEvent]
    public var actionItems: [ActionItem]
    public var logFiles: [LogFileSummary]
    public var images: [ImageSummary]
    public var documents: [DocumentSummary]
}

/// A document without its content.
public struct DocumentSummary: Sendable, Equatable, Codable {
    public var id: String
    public var docType: String
    public var title: String
    @ISOTimestamp public var updatedAt: Int64
    /// Whether the content was edited since it was last generated.
    public var edited: Bool
}

/// A stored image with what its header says.
public struct ImageDetail: Sendable, Equatable, Codable {
    public var summary: ImageSummary
    public var filePath: String
    /// `nil` for a type trcaa does not recognise (stored by the original app).
    public var format: ImageFormat?
    public var width: Int?
    public var height: Int?

    public var id: String { summary.id }
}

/// A log or an image of any issue, as the cross-issue attachment list shows it.
public struct AttachmentSummary: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Codable { case log, image }

    public var kind: Kind
    public var id: String
    public var issueId: String
    public var issueTitle: String
    public var fileName: String
    public var fileSize: Int64
    public var mimeType: String
    @ISOTimestamp public var uploadedAt: String
    /// A log whose PII was purged from the stored text.
    public var redacted: Bool
    /// PII spans found in a log (0 for images).
    public var piiCount: Int
}
