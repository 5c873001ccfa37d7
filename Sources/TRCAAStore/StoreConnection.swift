/// One connection to a store, as a backend implements it; `Database` is the face the
/// services see. Synchronous, and used from one thread at a time.
public protocol StoreConnection: AnyObject {
    /// The SQL of this kind of store, for the parts that differ.
    var dialect: any SQLDialect { get }
    /// Prepares exactly one statement.
    func prepare(_ sql: String) throws -> any StoreStatement
    /// Runs one statement with `arguments`, or a script of several statements without arguments.
    func execute(_ sql: String, _ arguments: [SQLValue]) throws
    /// Rows changed by the last INSERT, UPDATE or DELETE.
    var changes: Int { get }
    /// Whether the connection may write (false when the store was opened read-only).
    var isWritable: Bool { get }
    /// Whether a transaction is open on this connection.
    var isInTransaction: Bool { get }
    /// Opens a transaction that takes its locks as `kind` says.
    func begin(_ kind: TransactionKind) throws
    func commit() throws
    func rollback() throws
    /// Reads the BLOB in `cell` in ranges.
    func blobReader(_ cell: BlobCell) throws -> any BlobReader
    /// Replaces the BLOB in `cell` with `pieces` put end to end.
    func writeBlob(_ cell: BlobCell, pieces: [[UInt8]]) throws
    /// Calls `notice` (on the waiting thread) once a wait for another connection's lock has
    /// lasted `seconds`; `nil` stops the notices.
    func announceWaits(after seconds: Double, _ notice: (() -> Void)?)
    /// Calls `handler` with the text of every statement run (bound values are not included).
    func trace(_ handler: (@Sendable (String) -> Void)?)
    /// Who holds the store's write lock, or may (for messages while waiting for it): the
    /// processes that have the file open, or the server sessions holding the lock when this
    /// connection last found it taken. Runs no statement.
    func writeLockHolders() -> [String]
    /// A number that differs from an earlier reading once another connection, of this process
    /// or another, has committed a change; this connection's own commits leave it alone.
    func externalChangeStamp() throws -> Int64
    /// The checks of the store's own structure that this kind of store can make, in the
    /// order `trcaa db check` prints them; reads only.
    func integrityChecks() throws -> [StoreCheck]
}
