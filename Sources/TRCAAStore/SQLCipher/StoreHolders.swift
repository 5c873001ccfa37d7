internal import Glibc

/// Another process on this machine with the database, its `-wal` or its `-shm` open.
public struct StoreHolder: Sendable, Equatable, Codable {
    public var pid: Int32
    /// The process's command name (`/proc/PID/comm`).
    public var command: String
    /// It still writes to a `-wal` or `-shm` that was deleted: whatever it commits from now on
    /// is invisible to every other process and lost when it exits.
    public var usesDeletedLog: Bool

    public var description: String { "\(command) (pid \(pid))" }
}

/// Finds the processes that hold a database open, from `/proc` (Linux). Used to name them when
/// an operation needs the store to itself, and by `db check` to find a process cut off from
/// the shared write-ahead log. Only processes this user may inspect are seen.
public enum StoreHolders {
    /// Processes other than this one that have `databasePath` or its side files open.
    public static func of(_ databasePath: String) -> [StoreHolder] {
        guard let real = realpath(databasePath, nil) else { return [] }
        let database = String(cString: real)
        free(real)
        let targets = [database, database + "-wal", database + "-shm"]
        let deleted = [database + "-wal (deleted)", database + "-shm (deleted)"]
        let me = getpid()
        var holders: [StoreHolder] = []
        for pid in processIds() where pid != me {
            var uses = false, usesDeleted = false
            for link in descriptorTargets(of: pid) {
                if targets.contains(link) { uses = true }
                if deleted.contains(link) { uses = true; usesDeleted = true }
            }
            if uses { holders.append(StoreHolder(pid: pid, command: command(of: pid), usesDeletedLog: usesDeleted)) }
        }
        return holders
    }

    private static func processIds() -> [Int32] {
        FilePath.entries(of: "/proc").compactMap { Int32($0) }
    }

    private static func descriptorTargets(of pid: Int32) -> [String] {
        let directory = "/proc/\(pid)/fd"
        return FilePath.entries(of: directory).compactMap { readLink("\(directory)/\($0)") }
    }

    private static func command(of pid: Int32) -> String {
        guard let file = fopen("/proc/\(pid)/comm", "r") else { return "?" }
        defer { fclose(file) }
        var buffer = [CChar](repeating: 0, count: 64)
        guard fgets(&buffer, Int32(buffer.count), file) != nil else { return "?" }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            .trimmingWhitespace().description
    }

    private static func readLink(_ path: String) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 32)
        let count = readlink(path, &buffer, buffer.count)
        guard count > 0 else { return nil }
        return String(decoding: buffer.prefix(count).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
