internal import Glibc

/// Where the database key came from; never the key itself.
public enum KeySource: Sendable, Equatable, CustomStringConvertible {
    /// An environment variable (`TRCAA_DB_KEY`, or the legacy `TFTSR_DB_KEY`).
    case environment(variable: String)
    /// The key file in the data directory.
    case keyFile(path: String)
    /// A key generated on this run and written to the key file.
    case generated(path: String)
    /// No key: an in-memory database.
    case none

    public var description: String {
        switch self {
        case .environment(let variable): "environment variable \(variable)"
        case .keyFile(let path): "key file \(path)"
        case .generated(let path): "generated on this run, stored in \(path)"
        case .none: "none (in-memory database)"
        }
    }

    /// A one-word name for scripts: `env`, `key-file`, `generated`, `none`.
    public var kind: String {
        switch self {
        case .environment: "env"
        case .keyFile: "key-file"
        case .generated: "generated"
        case .none: "none"
        }
    }
}

/// A passphrase and where it came from, plus notices for the user (deprecations, a new key).
public struct ResolvedKey: Sendable {
    public let passphrase: Passphrase
    public let source: KeySource
    public let notices: [String]
}

/// Chooses the database key (SPEC §2): `TRCAA_DB_KEY` if set and not blank (verbatim) →
/// `TFTSR_DB_KEY` (deprecated) → `<data dir>/.dbkey` (trimmed) → a new random key written
/// atomically to `.dbkey` with mode 0600. A store on a server takes its key from the
/// environment only: a key generated for one analyst would split the team.
///
/// A key is generated only when there is no database yet (or an empty or plain one): a new
/// key could never open an existing encrypted file, so that case is an error instead.
/// A key file readable by group or others is refused, as ssh refuses such private keys.
public struct KeyResolver: Sendable {
    public var environment: [String: String]

    public init(environment: [String: String]) { self.environment = environment }

    public func resolve(for location: StoreLocation, settings: CipherSettings = .trcaa) throws -> ResolvedKey {
        if location.databasePath == ":memory:" {
            return ResolvedKey(passphrase: Passphrase(passphrase: ""), source: .none, notices: [])
        }
        var notices: [String] = []
        for variable in ["TRCAA_DB_KEY", "TFTSR_DB_KEY"] {
            guard let value = environment[variable] else { continue }
            guard !value.allSatisfy(\.isWhitespace) else {
                notices.append("\(variable) is set but blank; ignoring it")
                continue
            }
            if variable == "TFTSR_DB_KEY" { notices.append("TFTSR_DB_KEY is deprecated; set TRCAA_DB_KEY instead") }
            return ResolvedKey(passphrase: Passphrase(passphrase: value), source: .environment(variable: variable),
                               notices: notices)
        }
        if let server = location.server { throw StoreError.noServerKey(server: server.redacted) }
        let keyFile = location.keyFilePath
        if let stored = try KeyFile.read(keyFile) {
            return ResolvedKey(passphrase: stored, source: .keyFile(path: keyFile), notices: notices)
        }
        switch try DatabaseFile.inspect(location.databasePath, pageSize: settings.pageSize) {
        case .encrypted:
            throw StoreError.noKey(databasePath: location.databasePath, keyFilePath: keyFile)
        case .missing, .empty, .plain:
            try location.createDataDirectory()
            let key = try KeyFile.generate(at: keyFile)
            notices.append("generated a new database key in \(keyFile); keep a copy: without it the database cannot be opened")
            return ResolvedKey(passphrase: key, source: .generated(path: keyFile), notices: notices)
        }
    }
}
