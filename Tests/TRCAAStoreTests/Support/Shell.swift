import Foundation
@testable import TRCAAStore

/// Runs external programs the tests compare against (`sqlcipher`).
enum Shell {
    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// Runs `arguments` with `input` on stdin; waits for it to finish.
    @discardableResult
    static func run(_ arguments: [String], input: String = "", environment: [String: String]? = nil) throws -> Result {
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
    static func sqlcipher(_ path: String, key: String, _ sql: String) throws -> Result {
        try run(["sqlcipher", "-bail", path], input: keyedScript(key: key, sql))
    }

    /// The `sqlcipher` shell with a database open, until `release()` ends its input.
    final class Holder {
        let process = Process()
        private let input = Pipe()

        /// Starts the shell on `path` and returns once it has the database open.
        init(_ path: String, key: String) throws {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["sqlcipher", path]
            process.standardInput = input
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            input.fileHandleForWriting.write(Data(keyedScript(key: key, "SELECT count(*) FROM sqlite_master;").utf8))
            let deadline = Date().addingTimeInterval(10)
            while !StoreHolders.of(path).contains(where: { $0.pid == process.processIdentifier }), Date() < deadline {
                usleep(20_000)
            }
        }

        var pid: Int32 { process.processIdentifier }

        func release() {
            try? input.fileHandleForWriting.close()
            process.waitUntilExit()
        }
    }

    fileprivate static func keyedScript(key: String, _ sql: String) -> String {
        """
            PRAGMA key='\(key.replacingOccurrences(of: "'", with: "''"))';
            PRAGMA cipher_page_size=4096; PRAGMA kdf_iter=256000; \
            PRAGMA cipher_hmac_algorithm=HMAC_SHA512; PRAGMA cipher_kdf_algorithm=PBKDF2_HMAC_SHA512;
            \(sql)

            """
    }
}
