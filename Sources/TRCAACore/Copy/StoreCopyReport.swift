/// What `StoreCopy` brought over.
public struct StoreCopyReport: Sendable, Equatable, Encodable {
    /// Rows copied per table, in copy order; tables with none are left out.
    public struct TableCount: Sendable, Equatable, Encodable {
        public let table: String
        public let rows: Int
    }

    /// An issue copied, with its number in each store (they differ when the target had given
    /// the source's number to another issue).
    public struct CopiedIssue: Sendable, Equatable, Encodable {
        public let id: String
        public let title: String
        public let sourceNumber: Int
        public let targetNumber: Int
    }

    /// Whether the whole store was copied (its audit chain with it), not chosen issues.
    public let wholeStore: Bool
    public var tables: [TableCount] = []
    public var issues: [CopiedIssue] = []
}
