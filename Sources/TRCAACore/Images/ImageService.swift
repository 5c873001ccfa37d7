import Foundation
import Glibc
import TRCAAStore

/// Image attachments (`image_attachments`, SPEC §6): bytes in the database, type sniffed
/// from the content, at most 10 MiB.
public struct ImageService {
    let context: ServiceContext

    /// The original's limit: 10 MiB.
    public static let maximumSize: Int64 = 10 << 20

    public init(context: ServiceContext) { self.context = context }

    /// Stores the image at `path` with an issue.
    ///
    /// - throws: `ImportError.missingFile`, `.notAFile`, `.unreadable`, `.imageTooLarge`,
    ///   `.unknownImageFormat`; `TriageError.unknownID`.
    public func attach(issueId: String, path: String, name: String? = nil) throws -> ImageDetail {
        try IDResolver.requireExists(issueId, table: "issues", kind: "issue", in: context.database)
        let file = try InputFile(path: path)
        defer { close(file.descriptor) }
        let fileName = name ?? URL(fileURLWithPath: file.absolutePath).lastPathComponent
        guard file.size <= Self.maximumSize else { throw ImportError.imageTooLarge(name: fileName, size: file.size) }
        let bytes = try readAll(file, name: fileName)
        guard let format = ImageFormat.sniff(bytes) else { throw ImportError.unknownImageFormat(name: fileName) }
        return try context.database.write { db in
            try IDResolver.requireExists(issueId, table: "issues", kind: "issue", in: db)
            let now = context.clock.now()
            let id = UUIDv7.next(at: now)
            try db.execute("""
                INSERT INTO image_attachments (id, issue_id, file_name, file_path, file_size, mime_type, upload_hash,
                                               uploaded_at, pii_warning_acknowledged, is_paste, image_data)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, 0, ?)
                """, [.text(id), .text(issueId), .text(fileName), .text(file.absolutePath), .integer(Int64(bytes.count)),
                      .text(format.mimeType), .text(SHA256.hex(bytes)), .text(Timestamp.format(now)),
                      db.sealed(.blob(bytes), for: SealedColumn.imageData.cell(.text(id)))])
            try context.audit.append(
                action: "upload_image_attachment", entityType: "image_attachment", entityId: id,
                details: .object([("issue_id", .string(issueId)), ("file_name", .string(fileName)),
                                  ("is_paste", .bool(false))]), in: db)
            try context.touchIssue(issueId, in: db)
            return try detail(id, in: db)
        }
    }

    /// `#42/I1`: its place in its issue (`IssuePart`), for lists.
    public func shortId(_ id: String) throws -> String {
        try IssuePart.image.reference(of: id, in: context.database)
    }

    /// The full id for what a person typed: `42/I1` (`IssuePart`) or a unique id prefix.
    public func resolve(_ idOrPrefix: String) throws -> String {
        try IssuePart.image.resolveAny(idOrPrefix, in: context.database)
    }

    /// Images of one issue (oldest first), or of every issue.
    public func list(issueId: String? = nil) throws -> [ImageDetail] {
        try context.database.read { db in
            try db.rows("SELECT id FROM image_attachments WHERE CAST(?1 AS TEXT) IS NULL OR issue_id = ?1 ORDER BY issue_id, uploaded_at, id",
                        [issueId.map { .text($0) } ?? .null]).map { try detail(try $0.decode(at: 0), in: db) }
        }
    }

    /// One image's metadata, with its type and pixel size read from the stored bytes.
    public func detail(_ id: String) throws -> ImageDetail { try detail(id, in: context.database) }

    /// The stored bytes (empty for a row of the original app that kept only a path).
    public func data(_ id: String) throws -> [UInt8] {
        let db = context.database
        guard let row = try db.row("SELECT image_data FROM image_attachments WHERE id = ?", [.text(id)]) else {
            throw TriageError.unknownID(kind: "image", prefix: id)
        }
        return try db.decodeSealed("image_data", of: row, cell: SealedColumn.imageData.cell(.text(id)), as: [UInt8]?.self) ?? []
    }

    /// Writes the image to a new file `path` (mode 0600) and records the export.
    ///
    /// - throws: `TriageError.exportExists` (unless `replacing`), `.exportDirectoryMissing`, `.exportFailed`.
    public func export(_ id: String, to path: String, replacing: Bool = false) throws -> String {
        let image = try detail(id)
        let bytes = try data(id)
        let written = try ExportFile.write(to: path, replacing: replacing) { sink in
            try bytes.withUnsafeBytes { try sink($0) }
        }
        try context.database.write { db -> Void in
            try context.audit.append(
                action: "export_image_attachment", entityType: "image_attachment", entityId: id,
                details: .object([("issue_id", .string(image.summary.issueId)), ("file_name", .string(image.summary.fileName)),
                                  ("file_path", .string(written))]), in: db)
        }
        return written
    }

    private func detail(_ id: String, in db: Database) throws -> ImageDetail {
        guard let row = try db.cachedStatement("""
            SELECT id, issue_id, file_name, file_path, file_size, mime_type, upload_hash, uploaded_at,
                   image_data IS NOT NULL AS stored
            FROM image_attachments WHERE id = ?
            """).firstRow([.text(id)]) else { throw TriageError.unknownID(kind: "image", prefix: id) }
        let head = try row.decode("stored", as: Bool.self) ? try head(ofImage: id, in: db) : []
        let format = ImageFormat.sniff(head)
        let size = format?.dimensions(of: head)
        return ImageDetail(
            summary: try ImageSummary(row: row),
            filePath: try row.decode("file_path"), format: format, width: size?.width, height: size?.height)
    }

    /// The first bytes of an image's stored data: enough to tell its format and pixel size.
    private func head(ofImage id: String, in db: Database) throws -> [UInt8] {
        let blob = try db.blobReader(SealedColumn.imageData.cell(.text(id)))
        var head = [UInt8](repeating: 0, count: min(blob.count, 256 * 1024))
        try head.withUnsafeMutableBytes { try blob.read(into: $0, at: 0) }
        return head
    }

    private func readAll(_ file: InputFile, name: String) throws -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: Int(file.size) + 1)
        var count = 0
        while count < bytes.count {
            let got = bytes.withUnsafeMutableBytes { Glibc.read(file.descriptor, $0.baseAddress! + count, $0.count - count) }  // Safe: count < size.
            if got < 0, errno == EINTR { continue }
            guard got >= 0 else { throw ImportError.unreadable(path: name, reason: String(cString: strerror(errno))) }
            if got == 0 { break }
            count += got
            if count > Self.maximumSize { throw ImportError.imageTooLarge(name: name, size: Int64(count)) }
            if count == bytes.count { bytes += [UInt8](repeating: 0, count: 1 << 16) }  // The file grew.
        }
        bytes.removeLast(bytes.count - count)
        return bytes
    }
}
