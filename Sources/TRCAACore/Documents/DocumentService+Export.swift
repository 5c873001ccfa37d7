import Foundation
import TRCAAStore

/// The formats a document exports to.
public enum ExportFormat: String, CaseIterable, Sendable {
    case md, html, pdf, docx

    /// Accepts `markdown` for `md`, as the original did.
    public init?(input: String) {
        let lowered = input.lowercased()
        self.init(rawValue: lowered == "markdown" ? "md" : lowered)
    }
}

extension DocumentService {
    /// Writes the document to `directory` as `<issue>_<title with non-alphanumerics as _>.<format>`
    /// (the original's naming after the issue's number: `42_RCA__Disk_full.md`), then records
    /// an `export_document` audit row and a `document_exported` event. The file appears whole or
    /// not at all; an existing file is replaced only with `force`.
    ///
    /// - Returns: the absolute path written.
    /// - throws: `TriageError.exportDirectoryMissing`, `.exportExists`, `.exportFailed`.
    public func export(_ id: String, format: ExportFormat, to directory: String, force: Bool = false) throws -> String {
        let document = try store.get(id)
        let bytes = DocumentRenderer.render(document, as: format)
        let issue = try IssueService(context: context).get(document.issueId)
        let name = ExportFile.name(for: "\(issue.reference)_\(document.title)", format: format)
        let path = try ExportFile.write(bytes, named: name, in: directory, replacing: force)
        let kind = DocumentKind(rawValue: document.docType)
        try context.database.write { db in
            try context.audit.append(
                action: "export_document", entityType: "document", entityId: id,
                details: .object([("issue_id", .string(document.issueId)), ("format", .string(format.rawValue)),
                                  ("file_path", .string(path)), ("sha256", .string(SHA256.hex(bytes)))]), in: db)
            try context.timeline.record(
                .documentExported, issueId: document.issueId,
                description: "\(kind?.displayName ?? document.docType) exported as \(format.rawValue)",
                metadata: .object([("format", .string(format.rawValue)), ("file_path", .string(path))]), in: db)
        }
        return path
    }
}
