import TRCAAStore

/// Reads and writes `documents` and the generation hashes beside them.
struct DocumentStore {
    let context: ServiceContext

    func summaries(issueId: String) throws -> [DocumentSummary] {
        let db = context.database
        return try db.rows("""
            SELECT d.id, d.doc_type, d.title, d.updated_at, d.content_md, g.generated_sha256
            FROM documents d LEFT JOIN document_generations g ON g.document_id = d.id
            WHERE d.issue_id = ? ORDER BY d.doc_type, d.created_at
            """, [.text(issueId)]).map { row in
            DocumentSummary(id: try row.decode("id"), docType: try row.decode("doc_type"), title: try row.decode("title"),
                            updatedAt: try row.decode("updated_at"),
                            edited: try SHA256.hex(Document.content(of: row, in: db)) != row.decode("generated_sha256", as: String?.self))
        }
    }

    func get(_ id: String) throws -> Document {
        let db = context.database
        guard let row = try db.cachedStatement("SELECT \(Document.columns) FROM documents WHERE id = ?")
            .firstRow([.text(id)]) else { throw TriageError.unknownID(kind: "document", prefix: id) }
        return try Document(row: row, in: db)
    }

    func find(issueId: String, kind: DocumentKind, in db: Database) throws -> Document? {
        try db.row("SELECT \(Document.columns) FROM documents WHERE issue_id = ? AND doc_type = ? ORDER BY created_at LIMIT 1",
                   [.text(issueId), .text(kind.rawValue)]).map { try Document(row: $0, in: db) }
    }

    /// Whether the content differs from what was last generated (no record counts as edited).
    func isEdited(_ document: Document, in db: Database) throws -> Bool {
        let generated = try db.scalar("SELECT generated_sha256 FROM document_generations WHERE document_id = ?",
                                      [.text(document.id)], as: String.self)
        return generated != SHA256.hex(document.contentMd)
    }

    /// Inserts or replaces the content of `document` and records it as generated.
    func saveGenerated(_ document: Document, in db: Database) throws {
        try db.execute("""
            INSERT INTO documents (\(Document.columns)) VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(id) DO UPDATE SET title = excluded.title, content_md = excluded.content_md,
                updated_at = excluded.updated_at
            """, [.text(document.id), .text(document.issueId), .text(document.docType), .text(document.title),
                  db.sealed(.text(document.contentMd), for: SealedColumn.documentBody.cell(.text(document.id))),
                  .integer(document.createdAt), .integer(document.updatedAt)])
        try db.execute("""
            INSERT INTO document_generations (document_id, generated_sha256, generated_at) VALUES (?, ?, ?)
            ON CONFLICT(document_id) DO UPDATE SET generated_sha256 = excluded.generated_sha256,
                generated_at = excluded.generated_at
            """, [.text(document.id), .text(SHA256.hex(document.contentMd)), .integer(document.updatedAt)])
    }
}
