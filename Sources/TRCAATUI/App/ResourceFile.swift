import Foundation

/// Files SwiftPM copies from this module's `Resources/` into a bundle directory next to the
/// executable. Looked up by hand: the generated `Bundle.module` stops the process when the
/// bundle is missing (a binary copied elsewhere on its own), where a message will do.
enum ResourceFile {
    static let bundleName = "trcaa_TRCAATUI.resources"

    /// The file at `path` inside the bundle, if it is there.
    static func url(_ path: String) -> URL? {
        let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? CommandLine.arguments[0]
        let url = URL(fileURLWithPath: executable).deletingLastPathComponent()
            .appendingPathComponent(bundleName).appendingPathComponent(path)
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }
}
