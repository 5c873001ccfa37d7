import Foundation
import Glibc

/// A regular file opened for reading, with the errors people can act on.
struct InputFile {
    let descriptor: Int32
    let absolutePath: String
    let size: Int64

    /// - throws: `ImportError.missingFile`, `.notAFile` (directory, FIFO, device), `.unreadable`.
    init(path: String) throws {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        var info = stat()
        guard stat(absolute, &info) == 0 else {
            if errno == ENOENT { throw ImportError.missingFile(path: path) }
            throw ImportError.unreadable(path: path, reason: String(cString: strerror(errno)))
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw ImportError.notAFile(path: path, kind: "a directory")
        case S_IFIFO: throw ImportError.notAFile(path: path, kind: "a FIFO (pipe it to stdin with '-' instead)")
        default: throw ImportError.notAFile(path: path, kind: "not a regular file")
        }
        let opened = open(absolute, O_RDONLY | O_CLOEXEC)
        guard opened >= 0 else { throw ImportError.unreadable(path: path, reason: String(cString: strerror(errno))) }
        descriptor = opened
        absolutePath = absolute
        size = Int64(info.st_size)
    }
}
