import Foundation
import Glibc

/// Where and how an export is written: to a temporary name next to the target, synced, then
/// linked into place (refusing an existing file) or, with `replacing`, renamed over it. A
/// failure half-way leaves nothing behind.
enum ExportFile {
    /// The original's naming: every character that is not a letter or digit (in any script),
    /// `-` or `_` becomes `_`. `RCA: Database connection timeout` → `RCA__Database_connection_timeout.md`.
    static func name(for title: String, format: ExportFormat) -> String {
        String(title.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "_" }) + "." + format.rawValue
    }

    /// Writes `bytes` as `name` in `directory`; returns the absolute path.
    static func write(_ bytes: [UInt8], named name: String, in directory: String, replacing: Bool) throws -> String {
        try write(to: directory + "/" + name, replacing: replacing) { sink in
            try bytes.withUnsafeBytes { try sink($0) }
        }
    }

    /// Writes what `produce` hands to its sink, chunk by chunk, to `path`; returns the
    /// absolute path. Every export is created 0600: logs, images and documents may all hold
    /// what the store keeps encrypted.
    static func write(to path: String, replacing: Bool,
                      _ produce: (_ sink: (UnsafeRawBufferPointer) throws -> Void) throws -> Void) throws -> String {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        let directory = (absolute as NSString).deletingLastPathComponent
        var info = stat()
        guard stat(directory, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else {
            throw TriageError.exportDirectoryMissing(path: directory)
        }
        if !replacing, FileManager.default.fileExists(atPath: absolute) { throw TriageError.exportExists(path: absolute) }
        let name = (absolute as NSString).lastPathComponent
        let temp = "\(directory)/.\(name).tmp-\(getpid())"
        let fd = open(temp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw TriageError.exportFailed(path: absolute, reason: String(cString: strerror(errno))) }
        defer { unlink(temp) }
        do {
            defer { close(fd) }
            try produce { chunk in try writeAll(chunk, to: fd, path: absolute) }
            guard fsync(fd) == 0 else { throw TriageError.exportFailed(path: absolute, reason: String(cString: strerror(errno))) }
        }
        if replacing {
            guard rename(temp, absolute) == 0 else {
                throw TriageError.exportFailed(path: absolute, reason: String(cString: strerror(errno)))
            }
        } else if link(temp, absolute) != 0 {
            if errno == EEXIST { throw TriageError.exportExists(path: absolute) }
            throw TriageError.exportFailed(path: absolute, reason: String(cString: strerror(errno)))
        }
        return absolute
    }

    private static func writeAll(_ chunk: UnsafeRawBufferPointer, to fd: Int32, path: String) throws {
        var written = 0
        while written < chunk.count {
            let count = Glibc.write(fd, chunk.baseAddress! + written, chunk.count - written)  // Safe: written < count.
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { throw TriageError.exportFailed(path: path, reason: String(cString: strerror(errno))) }
            written += count
        }
    }
}
