import Foundation

/// Runs the external programs the tests check trcaa against (`sqlcipher`, `pdftotext`,
/// `unzip`, `gzip`), as a user would from a shell.
public enum Shell {
    public struct Result: Sendable {
        public let status: Int32
        public let stdout: String
        public let stderr: String
    }

    /// Runs `arguments` (found on the PATH) with `input` on stdin; waits for it to finish.
    @discardableResult
    public static func run(_ arguments: [String], input: String = "", environment: [String: String]? = nil) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        if let environment { process.environment = environment }
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        let err = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
                      stderr: String(decoding: err, as: UTF8.self))
    }

    /// The README's incantation: opens `path` in the `sqlcipher` shell and runs `sql`.
    public static func sqlcipher(_ path: String, key: String, _ sql: String) throws -> Result {
        try run(["sqlcipher", "-bail", path], input: keyedScript(key: key, sql))
    }

    /// `sql` after the key and the cipher settings, as the README gives them.
    public static func keyedScript(key: String, _ sql: String) -> String {
        """
        PRAGMA key='\(key.replacingOccurrences(of: "'", with: "''"))';
        PRAGMA cipher_page_size=4096; PRAGMA kdf_iter=256000; \
        PRAGMA cipher_hmac_algorithm=HMAC_SHA512; PRAGMA cipher_kdf_algorithm=PBKDF2_HMAC_SHA512;
        \(sql)
        """
    }
}

/// The SQL given to the store's own shell failed; `output` is what the shell printed.
public struct ShellFailure: Error {
    public let output: String
}

extension Shell {
    /// Runs `sql` in the store's own shell, as someone holding the key would: `psql` on the
    /// server database when there is one, else `sqlcipher` on the file at `path` with `key`.
    /// Returns what it printed; throws `ShellFailure` when the SQL fails.
    public static func storeSQL(_ sql: String, server: ServerTestDatabase?, path: String,
                                key: () throws -> String) throws -> String {
        if let server { return try PostgresTestCluster.shared().psql(server.name, sql) }
        let result = try sqlcipher(path, key: try key(), sql)
        guard result.status == 0 else { throw ShellFailure(output: result.stdout + result.stderr) }
        return result.stdout + result.stderr
    }
}

extension TestStore {
    /// SQL for the bytes of the BLOB `expression` as lowercase hex.
    public func hexSQL(_ expression: String) -> String {
        switch self {
        case .sqlcipher: "lower(hex(\(expression)))"
        case .postgres: "encode(\(expression), 'hex')"
        }
    }

    /// SQL for a BLOB of `length` (an SQL expression) zero bytes.
    public func zeroBlobSQL(_ length: String) -> String {
        switch self {
        case .sqlcipher: "zeroblob(\(length))"
        case .postgres: "decode(repeat('00', \(length)), 'hex')"
        }
    }
}

extension Data {
    /// The bytes that `hex` (pairs of hex digits, either case) spells; nil for anything else.
    public init?(hexString hex: String) {
        let digits = Array(hex.utf8)
        guard digits.count.isMultiple(of: 2) else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(digits.count / 2)
        for index in stride(from: 0, to: digits.count, by: 2) {
            guard let byte = UInt8(String(decoding: digits[index..<index + 2], as: UTF8.self), radix: 16) else { return nil }
            bytes.append(byte)
        }
        self.init(bytes)
    }
}
