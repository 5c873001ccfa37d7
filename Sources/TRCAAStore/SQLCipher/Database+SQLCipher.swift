extension Database {
    /// A raw SQLCipher connection, for the open sequences.
    convenience init(connectingTo filename: String, path: String, flags: Int32) throws {
        self.init(connection: try SQLCipherConnection(connectingTo: filename, path: path, flags: flags), path: path)
    }

    /// Whether this is a SQLCipher store (not one on a server).
    public var isSQLCipher: Bool { connection is SQLCipherConnection }

    /// The SQLCipher connection underneath, for what only that store has (keys, lock waits,
    /// incremental blob I/O). Asking it of another kind of store is a programming error.
    var sqlcipher: SQLCipherConnection {
        guard let connection = connection as? SQLCipherConnection else {
            preconditionFailure("a SQLCipher-only operation on another kind of store")
        }
        return connection
    }
}
