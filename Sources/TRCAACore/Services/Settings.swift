import Foundation
import TRCAAStore

/// The store's `settings` table: one text value per key.
enum Settings {
    /// The value of `key`, if it is set.
    static func value(_ key: String, in db: Database) throws -> String? {
        try db.cachedStatement("SELECT value FROM settings WHERE key = ?").firstRow([.text(key)])
            .map { try $0.decode(at: 0, as: String.self) }
    }

    /// Sets `key` to `value`, stamped `time`.
    static func set(_ key: String, to value: String, at time: Date, in db: Database) throws {
        try db.cachedStatement("""
            INSERT INTO settings (key, value, updated_at) VALUES (?1, ?2, ?3)
            ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at
            """).run([.text(key), .text(value), .text(Timestamp.format(time))])
    }
}
