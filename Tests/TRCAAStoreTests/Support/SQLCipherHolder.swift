import Foundation
import TestSupport
@testable import TRCAAStore

extension Shell {
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
            input.fileHandleForWriting.write(Data(Shell.keyedScript(key: key, "SELECT count(*) FROM sqlite_master;").utf8))
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
}
