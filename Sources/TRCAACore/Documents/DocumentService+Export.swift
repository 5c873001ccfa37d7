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
    /// an `export_document` audit row, a `document_exported` event and the directory as this
    /// user's last (`lastExportDirectory`). The file appears whole or not at all; an existing
    /// file is replaced only with `force`.
    ///
    /// `redacted` exports the redacted view: every PII span of the title and the Markdown is
    /// replaced by its token (`[IPv4]`, or `[IPv4#1]` with numbered tokens, numbered through
    /// the document) before rendering, the name ends in `_redacted` (so it never replaces the
    /// plain export), and the audit row and the event say so.
    ///
    /// - Returns: the absolute path written.
    /// - throws: `TriageError.exportDirectoryMissing`, `.exportExists`, `.exportFailed`.
    public func export(_ id: String, format: ExportFormat, redacted: Bool = false, tokens: RedactionTokens = .plain,
                       to directory: String, force: Bool = false) throws -> String {
        let stored = try store.get(id)
        let document = redacted ? stored.redacted(tokens: tokens) : stored
        let bytes = DocumentRenderer.render(document, as: format)
        let issue = try IssueService(context: context).get(document.issueId)
        let name = ExportFile.name(for: "\(issue.reference)_\(document.title)" + (redacted ? "_redacted" : ""), format: format)
        let path = try ExportFile.write(bytes, named: name, in: directory, replacing: force)
        let kind = DocumentKind(rawValue: document.docType)
        let redaction: [(String, JSONText)] = redacted ? [("redacted", .bool(true)), ("tokens", .string(tokens.rawValue))] : []
        try context.database.write { db in
            try context.audit.append(
                action: "export_document", entityType: "document", entityId: id,
                details: .object([("issue_id", .string(document.issueId)), ("format", .string(format.rawValue)),
                                  ("file_path", .string(path)), ("sha256", .string(SHA256.hex(bytes)))]
                                 + redaction), in: db)
            try context.timeline.record(
                .documentExported, issueId: document.issueId,
                description: "\(kind?.displayName ?? document.docType) exported \(redacted ? "redacted " : "")as \(format.rawValue)",
                metadata: .object([("format", .string(format.rawValue)), ("file_path", .string(path))] + redaction), in: db)
            try Settings.set(exportDirectoryKey, to: (path as NSString).deletingLastPathComponent, at: context.clock.now(),
                             in: db)
        }
        return path
    }

    /// The directory this user (the login name the audit records) last exported a document
    /// to, while it still is one; nil before the first export.
    public func lastExportDirectory() throws -> String? {
        guard let directory = try Settings.value(exportDirectoryKey, in: context.database) else { return nil }
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) && isDirectory.boolValue
            ? directory : nil
    }

    /// The setting of this user's last export directory.
    private var exportDirectoryKey: String { "last_export_directory:\(context.user)" }
}

extension Document {
    /// The document with every PII span of its title and text replaced by its token.
    func redacted(tokens: RedactionTokens) -> Document {
        var copy = self
        let texts = Redaction.redact([title, contentMd], tokens: tokens)
        copy.title = texts[0]
        copy.contentMd = texts[1]
        return copy
    }
}
