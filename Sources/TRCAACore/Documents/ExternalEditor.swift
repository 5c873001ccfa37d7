import Foundation
import Glibc

/// Runs `$VISUAL` / `$EDITOR` on a copy of some text (SPEC §9).
///
/// The copy lives in a private directory (mode 0700) on tmpfs where there is one
/// (`$XDG_RUNTIME_DIR`, else `/dev/shm`), as a 0600 file that is overwritten and removed
/// afterwards; directories left by a killed run are removed by the next one. While the
/// editor runs, trcaa ignores Ctrl-C and Ctrl-\ (they belong to the editor).
public struct ExternalEditor: Sendable, Equatable {
    /// The shell command, e.g. `vim` or `code --wait`.
    public let command: String

    public init(command: String) { self.command = command }

    /// `$VISUAL`, else `$EDITOR` (when not blank).
    public static func fromEnvironment(_ environment: [String: String]) -> ExternalEditor? {
        for name in ["VISUAL", "EDITOR"] {
            if let value = environment[name], !value.allSatisfy(\.isWhitespace) { return ExternalEditor(command: value) }
        }
        return nil
    }

    /// The first of `editor` (Debian's alternative), `nano`, `vi` found on `PATH`.
    public static func fallback(path: String?) -> ExternalEditor? {
        ["editor", "nano", "vi"].first { ForegroundCommand.executable($0, path: path) != nil }.map(ExternalEditor.init)
    }

    /// Lets the user edit `text`; returns the new text, or `nil` when it was left unchanged.
    ///
    /// - throws: `TriageError.editorUnavailable` (the command cannot run), `.editorFailed`
    ///   (non-zero exit: nothing is kept), `.editorLeftEmptyFile`, `.editorLeftBinaryFile`.
    public func edit(_ text: String, fileName: String, environment: [String: String]) throws -> String? {
        let directory = try PrivateTempDirectory.make(environment: environment)
        defer { PrivateTempDirectory.remove(directory) }
        let path = directory + "/" + fileName
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw TriageError.exportFailed(path: path, reason: String(cString: strerror(errno))) }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        close(fd)
        guard written == bytes.count else { throw TriageError.exportFailed(path: path, reason: "short write") }

        let status = try ForegroundCommand.run(command, file: path, environment: environment)
        if status == 126 || status == 127 { throw TriageError.editorUnavailable(command: command) }
        guard status == 0 else { throw TriageError.editorFailed(status: status) }
        guard let data = FileManager.default.contents(atPath: path) else { throw TriageError.editorLeftEmptyFile }
        guard !data.contains(0) else { throw TriageError.editorLeftBinaryFile }
        let edited = String(decoding: data, as: UTF8.self)
        guard !edited.allSatisfy(\.isWhitespace) else { throw TriageError.editorLeftEmptyFile }
        return edited == text ? nil : edited
    }
}

/// Private 0700 directories for files that must not linger (editor and pager copies).
public enum PrivateTempDirectory {
    static let prefix = "trcaa-edit-"

    /// `$XDG_RUNTIME_DIR` (tmpfs, private to the user), else `/dev/shm`, else `$TMPDIR` or `/tmp`.
    static func base(environment: [String: String]) -> String {
        var candidates: [String] = []
        if let runtime = environment["XDG_RUNTIME_DIR"], runtime.hasPrefix("/") { candidates.append(runtime) }
        candidates += ["/dev/shm", environment["TMPDIR"] ?? "/tmp", "/tmp"]
        return candidates.first { var info = stat(); return stat($0, &info) == 0 && access($0, W_OK | X_OK) == 0 } ?? "/tmp"
    }

    /// A new directory named after this process; stale ones of dead processes go first.
    public static func make(environment: [String: String]) throws -> String {
        let base = base(environment: environment)
        removeStale(in: base)
        var template = Array("\(base)/\(prefix)\(getpid())-XXXXXX".utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {  // Safe: non-empty.
            throw TriageError.exportFailed(path: base, reason: String(cString: strerror(errno)))
        }
        return String(cString: made)
    }

    /// Overwrites the files with zeros, then removes them and the directory.
    public static func remove(_ directory: String) {
        for name in (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [] {
            let path = directory + "/" + name
            if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int,
               let handle = FileHandle(forWritingAtPath: path) {
                handle.write(Data(count: size))
                try? handle.synchronize()
                try? handle.close()
            }
            unlink(path)
        }
        rmdir(directory)
    }

    /// Removes the directories of this user's runs that are gone (a kill -9 while an editor or
    /// the pager had a copy): every start of trcaa calls it, so plaintext never waits for the
    /// next edit to be swept.
    public static func removeStale(environment: [String: String]) {
        removeStale(in: base(environment: environment))
    }

    static func removeStale(in base: String) {
        for name in (try? FileManager.default.contentsOfDirectory(atPath: base)) ?? [] where name.hasPrefix(prefix) {
            guard let pid = Int32(name.dropFirst(prefix.count).prefix { $0.isNumber }) else { continue }
            var info = stat()
            let path = base + "/" + name
            guard stat(path, &info) == 0, info.st_uid == geteuid() else { continue }
            if kill(pid, 0) == -1 && errno == ESRCH { remove(path) }
        }
    }
}
