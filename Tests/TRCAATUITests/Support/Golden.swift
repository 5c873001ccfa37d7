import Foundation
import Testing

/// Whole-screen golden files in `Goldens/`. Set `TRCAA_UPDATE_GOLDENS=1` to rewrite them;
/// a mismatch prints both screens with row numbers and the first differing rows.
enum Golden {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Goldens")

    static func expect(_ lines: [String], matches name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let url = directory.appendingPathComponent(name + ".txt")
        let actual = lines.map { "|" + $0 + "|" }.joined(separator: "\n") + "\n"
        if ProcessInfo.processInfo.environment["TRCAA_UPDATE_GOLDENS"] == "1" {
            try? actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("missing golden \(name).txt; run with TRCAA_UPDATE_GOLDENS=1", sourceLocation: sourceLocation)
            return
        }
        guard expected != actual else { return }
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        var diff = ""
        for row in 0..<max(e.count, a.count) where (row < e.count ? e[row] : "") != (row < a.count ? a[row] : "") {
            diff += String(format: "row %2d expected %@\n       actual   %@\n", row,
                           row < e.count ? String(e[row]) : "<none>", row < a.count ? String(a[row]) : "<none>")
        }
        Issue.record("screen differs from \(name).txt:\n\(diff)", sourceLocation: sourceLocation)
    }
}
