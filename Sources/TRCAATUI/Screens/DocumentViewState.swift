import TRCAACore

/// A stored document shown as rendered Markdown, scrolled by line.
public struct DocumentViewState: Sendable {
    public let documentId: String
    public var document: Document?
    public var blocks: [MarkdownBlock] = []
    /// The first rendered line shown.
    public var scroll = 0

    public init(documentId: String) { self.documentId = documentId }
}
