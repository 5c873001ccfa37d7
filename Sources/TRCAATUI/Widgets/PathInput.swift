import Foundation

/// A file path as typed or pasted: surrounding quotes, a `file://` prefix and shell escapes
/// (`my\ file.log`) removed, `~` expanded; and Tab completion against the file system.
enum PathInput {
    /// The home `~` stands for: `$HOME`, as for the shell and the data directory (not the
    /// account's entry in the user database, which `sudo -E` or a container can make another).
    static var home: String {
        ProcessInfo.processInfo.environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
    }

    /// The path `text` names.
    static func normalize(_ text: String, home: String = PathInput.home) -> String {
        var path = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if path.count >= 2, let first = path.first, first == path.last, first == "'" || first == "\"" {
            path = String(path.dropFirst().dropLast())
        }
        if path.hasPrefix("file://") {
            path = String(path.dropFirst(7)).removingPercentEncoding ?? String(path.dropFirst(7))
        }
        if !text.contains("'") && !text.contains("\"") {
            path = path.replacingOccurrences(of: "\\ ", with: " ")
        }
        if path == "~" { return home }
        if path.hasPrefix("~/") { return home + path.dropFirst(1) }
        return path
    }

    /// `text` completed as far as the entries of its directory agree, with a `/` after a
    /// directory; and the candidates when they do not agree.
    static func complete(_ text: String, home: String = PathInput.home) -> (text: String, candidates: [String]) {
        let path = normalize(text, home: home)
        let directory = path.hasSuffix("/") ? path : (path as NSString).deletingLastPathComponent
        let prefix = path.hasSuffix("/") ? "" : (path as NSString).lastPathComponent
        let listed = (try? FileManager.default.contentsOfDirectory(atPath: directory.isEmpty ? "." : directory)) ?? []
        let matches = listed.filter { $0.hasPrefix(prefix) && (prefix.hasPrefix(".") || !$0.hasPrefix(".")) }.sorted()
        guard let first = matches.first else { return (text, []) }
        let common = matches.dropFirst().reduce(first) { String($0.commonPrefix(with: $1)) }
        let base = directory.isEmpty ? "" : (directory.hasSuffix("/") ? directory : directory + "/")
        var completed = base + common
        var isDirectory: ObjCBool = false
        if matches.count == 1, FileManager.default.fileExists(atPath: completed, isDirectory: &isDirectory),
           isDirectory.boolValue {
            completed += "/"
        }
        return (completed, matches.count > 1 ? matches : [])
    }
}
