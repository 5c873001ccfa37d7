import Foundation
import Glibc

/// Where and how an export is written.
enum ExportFile {
    /// The original's naming: every character that is not a letter or digit (in any script),
    /// `-` or `_` becomes `_`. `RCA: Database connection timeout` → `RCA__Database_connection_timeout.md`.
    static func name(for title: String, format: ExportFormat) -> String {
        String(title.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "_" }) + "." + format.rawValue
    }

    /// Writes `bytes` under a temporary name in `directory`, syncs, then links it into place
    /// (refusing an existing file) or, with `replacing`, renames it over the old one.
    static func write(_ bytes: [UInt8], named name: String, in directory: String, replacing: Bool) throws -> String {
        var info = stat()
        guard stat(directory, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else {
            throw TriageError.exportDirectoryMissing(path: directory)
        }
        let absoluteDirectory = URL(fileURLWithPath: directory).standardizedFileURL.path
        let path = absoluteDirectory + "/" + name
        if !replacing, FileManager.default.fileExists(atPath: path) { throw TriageError.exportExists(path: path) }
        let temp = "\(absoluteDirectory)/.\(name).tmp-\(getpid())"
        let fd = open(temp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw TriageError.exportFailed(path: path, reason: String(cString: strerror(errno))) }
        defer { unlink(temp) }
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + written, bytes.count - written) }  // Safe: written < count.
            guard count > 0 else {
                let reason = String(cString: strerror(errno))
                close(fd)
                throw TriageError.exportFailed(path: path, reason: reason)
            }
            written += count
        }
        let synced = fsync(fd) == 0
        close(fd)
        guard synced else { throw TriageError.exportFailed(path: path, reason: String(cString: strerror(errno))) }
        if replacing {
            guard rename(temp, path) == 0 else {
                throw TriageError.exportFailed(path: path, reason: String(cString: strerror(errno)))
            }
        } else if link(temp, path) != 0 {
            if errno == EEXIST { throw TriageError.exportExists(path: path) }
            throw TriageError.exportFailed(path: path, reason: String(cString: strerror(errno)))
        }
        return path
    }
}
