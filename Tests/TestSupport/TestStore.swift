import Foundation
import Testing

/// The store the suites test, from `TRCAA_TEST_STORE`: `sqlcipher` (the default) or `postgres`.
public enum TestStore: String, Sendable {
    case sqlcipher, postgres

    /// This run's store; an unknown name stops the run rather than test another store.
    public static let current: TestStore = {
        let name = ProcessInfo.processInfo.environment["TRCAA_TEST_STORE"] ?? ""
        guard let store = name.isEmpty ? .sqlcipher : TestStore(rawValue: name) else {
            fatalError("TRCAA_TEST_STORE=\(name): the test stores are sqlcipher and postgres")
        }
        return store
    }()

    /// Throws unless `fixture` can open `current`, so a fixture that opens only SQLCipher stores
    /// never passes one off as the store under test. The core fixture and the CLI harness open
    /// both; the store fixture and the TUI's do not yet.
    public static func requireBackend(supportedBy fixture: Set<TestStore>) throws {
        if !fixture.contains(current) { throw Unavailable(store: current) }
    }

    public struct Unavailable: Error, CustomStringConvertible {
        let store: TestStore
        public var description: String {
            "TRCAA_TEST_STORE=\(store.rawValue): this suite's fixture does not open \(store.rawValue) stores yet"
        }
    }
}

extension Trait where Self == ConditionTrait {
    /// For a test of what only the SQLCipher store has: its file (format, cipher, WAL, modes,
    /// damage, plain-file conversion), its locks, its shell, SQLite's own errors and FTS5, the
    /// local data directory and key file, and upgrades of stores written before PostgreSQL was
    /// a store. It runs only when the suites test the SQLCipher store.
    public static var sqlcipherOnly: Self {
        .enabled(if: TestStore.current == .sqlcipher, "tests what only the SQLCipher store has")
    }
}
