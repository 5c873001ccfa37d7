import Foundation
import TRCAAStore

/// RCA and post-mortem documents (SPEC §9): generated from the issue, stored, edited and
/// exported. Generation never silently throws away an edited document.
public struct DocumentService {
    let context: ServiceContext
    var store: DocumentStore { DocumentStore(context: context) }

    public init(context: ServiceContext) { self.context = context }

    /// A generated document and whether it replaced an earlier one.
    public struct Generated: Sendable {
        public var document: Document
        public var replaced: Bool
    }

    /// Generates (or regenerates) the issue's document of `kind`: the document row, its
    /// `generate_*` audit row and the `rca_generated` / `postmortem_generated` event, in one
    /// transaction. The document keeps its id across regenerations.
    ///
    /// - throws: `TriageError.documentEdited` when the stored document was edited since it was
    ///   generated and `force` is false.
    public func generate(_ kind: DocumentKind, issueId: String, force: Bool = false) throws -> Generated {
        try context.database.write { db in
            let detail = try IssueService(context: context).detail(issueId)
            let now = context.clock.now()
            let content = switch kind {
            case .rca: RCAWriter.markdown(detail, generatedAt: now)
            case .postmortem: PostmortemWriter.markdown(detail, generatedAt: now)
            }
            let existing = try store.find(issueId: issueId, kind: kind, in: db)
            if let existing, !force, try store.isEdited(existing, in: db) {
                throw TriageError.documentEdited(documentId: existing.id)
            }
            let milliseconds = Timestamp.milliseconds(now)
            let document = Document(id: existing?.id ?? UUIDv7.next(at: now), issueId: issueId, docType: kind.rawValue,
                                    title: kind.title(for: detail.issue.title), contentMd: content,
                                    createdAt: existing?.createdAt ?? milliseconds, updatedAt: milliseconds)
            try store.saveGenerated(document, in: db)
            try context.audit.append(
                action: kind == .rca ? "generate_rca" : "generate_postmortem", entityType: "document",
                entityId: document.id,
                details: .object([
                    ("issue_id", .string(issueId)), ("issue_title", .string(detail.issue.title)),
                    ("doc_type", .string(kind.rawValue)), ("doc_title", .string(document.title)),
                    ("content_length", .int(Int64(content.utf8.count))),
                    ("content_preview", .string(Self.preview(content, bytes: 300))),
                ]), in: db)
            switch kind {
            case .rca:
                let sections = content.split(separator: "\n").filter { $0.hasPrefix("## ") }.count
                try context.timeline.record(
                    .rcaGenerated, issueId: issueId, description: "RCA document generated",
                    metadata: .object([("doc_id", .string(document.id)), ("section_count", .int(Int64(sections)))]),
                    in: db)
            case .postmortem:
                try context.timeline.record(
                    .postmortemGenerated, issueId: issueId, description: "Post-mortem document generated",
                    metadata: .object([("doc_id", .string(document.id)),
                                       ("timeline_events_count", .int(Int64(detail.timeline.count)))]), in: db)
            }
            return Generated(document: document, replaced: existing != nil)
        }
    }

    /// The full id for what a person typed: `42/D1` (`IssuePart`) or a unique id prefix.
    public func resolve(_ idOrPrefix: String) throws -> String {
        try IssuePart.document.resolveAny(idOrPrefix, in: context.database)
    }

    /// `#42/D1`: the issue's first document (`IssuePart`).
    public func shortId(_ id: String) throws -> String {
        try IssuePart.document.reference(of: id, in: context.database)
    }

    public func get(_ id: String) throws -> Document { try store.get(id) }

    /// The issue's documents, without content.
    public func list(issueId: String) throws -> [DocumentSummary] { try store.summaries(issueId: issueId) }

    /// Stores edited content; an unchanged text writes nothing. Returns whether it changed.
    /// `seen`: the text the editor started from; a text changed since is not overwritten
    /// (`EditConflict`).
    ///
    /// - throws: `TriageError.unknownID`, `.editConflict`.
    @discardableResult
    public func save(_ id: String, content: String, seen: String? = nil) throws -> Bool {
        try context.database.write { db in
            let document = try store.get(id)
            if let seen {
                try EditConflict.check([EditConflict.Field(name: "the text", seen: seen, stored: document.contentMd, new: content)],
                                       entityType: "document", entityId: id, in: db)
            }
            guard content != document.contentMd else { return false }
            try db.execute("UPDATE documents SET content_md = ?, updated_at = ? WHERE id = ?",
                           [db.sealed(.text(content), for: SealedColumn.documentBody.cell(.text(id))),
                            .integer(Timestamp.milliseconds(context.clock.now())), .text(id)])
            try context.touchIssue(document.issueId, in: db)
            try context.audit.append(
                action: "edit_document", entityType: "document", entityId: id,
                details: .object([("issue_id", .string(document.issueId)), ("doc_type", .string(document.docType)),
                                  ("old_sha256", .string(SHA256.hex(document.contentMd))),
                                  ("new_sha256", .string(SHA256.hex(content))),
                                  ("content_length", .int(Int64(content.utf8.count)))]), in: db)
            return true
        }
    }

    /// At most `bytes` bytes of `text`, cut at a character boundary, with `...` when cut
    /// (the original cut at a byte index and could panic on multi-byte text).
    static func preview(_ text: String, bytes: Int) -> String {
        guard text.utf8.count > bytes else { return text }
        var cut = text.utf8.index(text.utf8.startIndex, offsetBy: bytes)
        while cut > text.startIndex, !text.indices.contains(cut) { cut = text.utf8.index(before: cut) }
        return String(text[..<cut]) + "..."
    }
}
