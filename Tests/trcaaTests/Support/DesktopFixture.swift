import Foundation
import TestSupport

/// A TRCAA desktop database made as the desktop app makes one, without any of trcaa's code:
/// the `sqlcipher` shell with the desktop's pragmas (16 KiB pages, PBKDF2-HMAC-SHA512 256 000,
/// HMAC-SHA512; rollback journal), its DDL and `_migrations` runner (`DesktopSchema`), and
/// rows in its formats. Without a key it is a debug build's plain SQLite file.
final class DesktopFixture {
    let directory: String
    let key: String?
    var path: String { directory + "/tftsr.db" }

    /// Creates `directory/tftsr.db` with `migrations`; with `keyFile`, the key is also
    /// written to `.dbkey` beside it (mode 0600), as the desktop app does.
    init(in directory: String, migrations: [(name: String, sql: String)], key: String?, keyFile: Bool = true) throws {
        self.directory = directory
        self.key = key
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        if let key, keyFile {
            FileManager.default.createFile(atPath: directory + "/.dbkey", contents: Data(key.utf8),
                                           attributes: [.posixPermissions: 0o600])
        }
        var script = """
            CREATE TABLE IF NOT EXISTS _migrations (
                id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, applied_at TEXT NOT NULL DEFAULT (datetime('now')));

            """
        for migration in migrations {
            script += migration.sql + "\nINSERT INTO _migrations (name) VALUES ('\(migration.name)');\n"
        }
        try run(script)
    }

    /// Runs `sql` in the `sqlcipher` shell, keyed as the desktop app keys its database.
    @discardableResult
    func run(_ sql: String) throws -> String {
        var script = "PRAGMA foreign_keys = ON;\n"
        if let key {
            script = """
                PRAGMA key = '\(key.replacingOccurrences(of: "'", with: "''"))'; PRAGMA cipher_page_size = 16384;
                PRAGMA kdf_iter = 256000; PRAGMA cipher_hmac_algorithm = HMAC_SHA512;
                PRAGMA cipher_kdf_algorithm = PBKDF2_HMAC_SHA512;

                """ + script
        }
        let result = try Shell.run(["sqlcipher", "-bail", path], input: script + sql)
        guard result.status == 0, !result.stderr.contains("Error") else {
            throw FixtureError(message: "sqlcipher failed (\(result.status)): \(result.stderr)")
        }
        return result.stdout
    }

    /// Writes `text` gzip-compressed (as the desktop's flate2 does: mtime 0) to a file whose
    /// path SQL can `readfile()`.
    func gzipped(_ text: String, name: String) throws -> String {
        let plain = directory + "/../\(name)"
        try Data(text.utf8).write(to: URL(fileURLWithPath: plain))
        let result = try Shell.run(["gzip", "-n", "-f", plain])
        guard result.status == 0 else { throw FixtureError(message: "gzip failed: \(result.stderr)") }
        return plain + ".gz"
    }

    /// `INSERT`s for audit rows chained by the desktop's rule (`sha256(prev|id|timestamp|
    /// action|entity_type|entity_id|user_id|details)`, genesis `''`), hashed with `sha256sum`.
    static func chainedAuditRows(_ rows: [(id: String, timestamp: String, action: String, details: String)]) throws -> String {
        var previous = ""
        var sql = ""
        for row in rows {
            let fields = [previous, row.id, row.timestamp, row.action, "issue", "i-1", "local", row.details]
            let hash = try sha256Hex(fields.joined(separator: "|"))
            sql += """
                INSERT INTO audit_log (id, timestamp, action, entity_type, entity_id, user_id, details, prev_hash, entry_hash)
                VALUES ('\(row.id)', '\(row.timestamp)', '\(row.action)', 'issue', 'i-1', 'local', '\(row.details)', '\(previous)', '\(hash)');

                """
            previous = hash
        }
        return sql
    }

    /// SHA-256 of `text`'s UTF-8 bytes by `sha256sum`.
    static func sha256Hex(_ text: String) throws -> String {
        String(try Shell.run(["sha256sum"], input: text).stdout.prefix(64))
    }

    /// SHA-256 of a file by `sha256sum`.
    static func sha256Hex(ofFile path: String) throws -> String {
        String(try Shell.run(["sha256sum", path]).stdout.prefix(64))
    }
}

struct FixtureError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
