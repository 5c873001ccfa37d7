/// The two documents trcaa writes.
public enum DocumentKind: String, CaseIterable, Sendable, Codable {
    case rca
    case postmortem

    /// `RCA: <title>` / `Post-Mortem: <title>`, as the original names them.
    public func title(for issueTitle: String) -> String {
        switch self {
        case .rca: "RCA: \(issueTitle)"
        case .postmortem: "Post-Mortem: \(issueTitle)"
        }
    }

    public var displayName: String { self == .rca ? "RCA" : "Post-mortem" }
}

/// A row of `documents`.
public struct Document: Sendable, Equatable, Codable {
    public var id: String
    public var issueId: String
    public var docType: String
    public var title: String
    public var contentMd: String
    /// Milliseconds since the epoch, as the schema stores them.
    @ISOTimestamp public var createdAt: Int64
    @ISOTimestamp public var updatedAt: Int64

    static let columns = "id, issue_id, doc_type, title, content_md, created_at, updated_at"
}
