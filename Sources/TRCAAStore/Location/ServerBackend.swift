import Foundation

/// What opens stores on a database server. TRCAAStore and TRCAACore know only this face: the
/// programs that can reach a server (`trcaa`, the tests) register the backend at start, so the
/// server client stays out of the libraries that do not need it.
public protocol ServerBackend: Sendable {
    /// Connects to the store at `url`, ready for the services.
    func open(_ url: ServerURL, environment: [String: String]) throws -> Database
    /// The migrations of a store on this server.
    var migrator: Migrator { get }
}

/// The server backend this program registered, if any.
public enum ServerBackends {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var registered: (any ServerBackend)?

    /// Makes `backend` the one `current` returns (a later call replaces it).
    public static func register(_ backend: any ServerBackend) {
        lock.withLock { registered = backend }
    }

    /// The registered backend; `nil` in a program that registered none.
    public static var current: (any ServerBackend)? { lock.withLock { registered } }
}
