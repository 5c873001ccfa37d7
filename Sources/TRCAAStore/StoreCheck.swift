/// One check of `trcaa db check`: its name and what it found.
public struct StoreCheck: Sendable, Codable, Equatable {
    /// Its name in the report (`integrity_check`, `audit_chain`…).
    public var name: String
    /// What is wrong, one line each; empty when sound.
    public var problems: [String]
    /// Why the result holds beyond what trcaa looked at, where that is so (a server enforces
    /// foreign keys itself).
    public var note: String?

    /// A check named `name` that found `problems` (none: it holds).
    public init(name: String, problems: [String] = [], note: String? = nil) {
        self.name = name
        self.problems = problems
        self.note = note
    }

    /// Whether it found nothing wrong.
    public var isSound: Bool { problems.isEmpty }
}

/// The checks of the store's own structure that its kind of store makes (SQLCipher: pages,
/// page HMACs, foreign keys, the write-ahead log; a server: its foreign keys).
public struct IntegrityReport: Sendable, Codable, Equatable {
    /// In the order `trcaa db check` prints them.
    public var checks: [StoreCheck]

    /// Whether every check holds.
    public var isHealthy: Bool { checks.allSatisfy(\.isSound) }
}

extension Database {
    /// Runs the integrity checks of this kind of store; reads only. A check that cannot even
    /// run (a page that fails its HMAC) is reported as its problem.
    public func checkIntegrity() throws -> IntegrityReport {
        IntegrityReport(checks: try connection.integrityChecks())
    }
}
