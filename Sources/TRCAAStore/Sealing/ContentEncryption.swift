/// A server store's content key as this client opened it: what seals the content, and how the
/// store keeps the key.
public struct ContentEncryption: Sendable {
    /// The `settings` row holding the wrapped key in its text form.
    public static let settingKey = "store_content_key"

    public let sealer: ContentSealer
    public let wrapped: WrappedContentKey

    /// Opens the content key `db` keeps, with `passphrase`. The first client creates it, under
    /// the store's write lock, so clients starting together all end up with the same key.
    ///
    /// - throws: `StoreError.wrongKey(path: store)` when `passphrase` does not open it;
    ///   `.damaged` when the row does not hold a wrapped key.
    public static func open(in db: Database, passphrase: Passphrase, store: String) throws -> ContentEncryption {
        if let kept = try kept(in: db) { return try ContentEncryption(opening: kept, with: passphrase, store: store) }
        return try db.write { db in
            if let kept = try kept(in: db) { return try ContentEncryption(opening: kept, with: passphrase, store: store) }
            let key = ContentKey.generate()
            let wrapped = try key.wrapped(under: passphrase)
            try db.execute("INSERT INTO settings (key, value) VALUES (?, ?)", [.text(settingKey), .text(wrapped.description)])
            return ContentEncryption(sealer: ContentSealer(key: key), wrapped: wrapped)
        }
    }

    /// Keeps the content key wrapped under `passphrase` instead, inside the caller's write
    /// transaction: the content stays as it is, and every client then needs the new
    /// passphrase.
    ///
    /// - throws: `StoreError.keyChangedElsewhere` when the store's wrapped key is no longer the
    ///   one this client opened (another client changed the passphrase meanwhile).
    public func rewrap(under passphrase: Passphrase, in db: Database, store: String) throws {
        guard try Self.kept(in: db) == wrapped else { throw StoreError.keyChangedElsewhere(path: store) }
        let rewrapped = try sealer.key.wrapped(under: passphrase, iterations: wrapped.iterations)
        try db.execute("UPDATE settings SET value = ? WHERE key = ?", [.text(rewrapped.description), .text(Self.settingKey)])
    }

    private init(sealer: ContentSealer, wrapped: WrappedContentKey) {
        self.sealer = sealer
        self.wrapped = wrapped
    }

    private init(opening wrapped: WrappedContentKey, with passphrase: Passphrase, store: String) throws {
        self.init(sealer: ContentSealer(key: try ContentKey(unwrapping: wrapped, with: passphrase, store: store)), wrapped: wrapped)
    }

    private static func kept(in db: Database) throws -> WrappedContentKey? {
        guard let text = try db.scalar("SELECT value FROM settings WHERE key = ?", [.text(settingKey)], as: String.self) else {
            return nil
        }
        guard let wrapped = WrappedContentKey(text) else {
            throw StoreError.damaged("the settings row \(settingKey) does not hold a wrapped content key")
        }
        return wrapped
    }
}
