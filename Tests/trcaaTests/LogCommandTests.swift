import Foundation
import Glibc
import Testing
import TestSupport

/// `trcaa log …` and `trcaa image …` as a user runs them.
@Suite struct LogCommandTests {
    let cli = CLI()
    let issue: String

    init() throws {
        issue = try cli.run("issue", "new", "Login outage").stdout.trimmingCharacters(in: .newlines)
    }

    private func file(_ name: String, _ text: String) throws -> String {
        let path = cli.home + "/" + name
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    private var logText: String {
        (0..<300).map { "2025-01-15 10:00:\(String(format: "%02d", $0 % 60)) INFO request \($0) from 10.0.\($0 % 256).7\n" }.joined()
            + "2025-01-15 10:05:00 ERROR login failed for dave@example.com\n"
    }

    @Test func importPrintsOnlyTheIdsAndTheStoreHoldsRealGzip() throws {
        let first = try file("app.log", logText)
        let second = try file("auth.log", "ok\n")
        let result = try cli.run("log", "import", issue, first, second)
        #expect(result.status == 0, "\(result.stderr)")
        let ids = result.stdout.split(separator: "\n").map(String.init)
        #expect(ids.count == 2 && ids.allSatisfy { $0.count == 36 })
        #expect(result.stderrLines.first?.hasPrefix("trcaa: imported app.log (") == true)
        #expect(result.stderr.contains("301 lines") && result.stderr.contains("301 PII spans (IPv4 300, Email 1)"))
        // The store's own shell reads the BLOB out; gzip -d reads it.
        let hex = try cli.shellSQL("SELECT \(cli.store.hexSQL("content_compressed")) FROM log_files WHERE id = '\(ids[0])';")
        let stored = try #require(hex.split(separator: "\n").last.flatMap { Data(hexString: String($0)) })
        switch cli.store {
        case .sqlcipher:
            let gzip = cli.home + "/stored.gz"
            try stored.write(to: URL(fileURLWithPath: gzip))
            let gunzip = try Shell.run(["gzip", "-d", "-c", gzip])
            #expect(gunzip.status == 0 && gunzip.stdout == logText)
        case .postgres:
            // The gzip is sealed on the client: the server holds segments it cannot open.
            #expect(stored.prefix(8) == Data("TRCAASEG".utf8))
            #expect(try cli.run("log", "show", ids[0]).stdout == logText)
        }
    }

    @Test func aLogWithoutOrWithDamagedTextSaysWhichAndWhatToDo() throws {
        let first = try cli.run("log", "import", issue, try file("a.log", logText), "-q").stdout.trimmingCharacters(in: .newlines)
        let second = try cli.run("log", "import", issue, try file("b.log", logText), "-q").stdout.trimmingCharacters(in: .newlines)
        // The original app could store a row without its text; a disk can flip bytes.
        try cli.shellSQL("""
            UPDATE log_files SET content_compressed = NULL WHERE id = '\(first)';
            UPDATE log_files SET content_compressed = \(cli.store.zeroBlobSQL("length(content_compressed)")) WHERE id = '\(second)';
            """)
        let missing = try cli.run("log", "show", first)
        #expect(missing.status == 65 && missing.stderrLines == [
            "trcaa: log \(first): this log's content was never stored in the database",
            "hint: import the file again: trcaa log import ISSUE PATH"])
        // On a server the zeroed value fails to open before it could fail to inflate: damage all the same.
        let damaged = try cli.run("log", "show", second, "--lines", "5")
        #expect(damaged.status == 65 && damaged.stderr.contains("log \(second)") && damaged.stderr.contains("the stored text is damaged")
                && damaged.stderr.contains("trcaa db check"), "\(damaged.stderr)")
        // db check reads every log: the damaged one is named, the one stored without text is no damage.
        let check = try cli.run("db", "check")
        #expect(check.status == 1)
        let logContent = check.stdout.split(separator: "\n").filter { $0.hasPrefix("log_content ") }
        #expect(logContent.count == 1 && logContent[0].contains(second) && !check.stdout.contains(first), "\(check.stdout)")
        #expect(check.stderrLines.last == "trcaa: the database has problems (see above)")
    }

    @Test func theCompressionCanBeChosen() throws {
        let path = try file("app.log", logText)
        let small = try cli.run("log", "import", issue, path, "-q", "--compression", "small")
        #expect(small.status == 0)
        #expect(try cli.run("log", "show", small.stdout.trimmingCharacters(in: .newlines)).stdout == logText)
        let unknown = try cli.run("log", "import", issue, path, "--compression", "best")
        #expect(unknown.status == 64 && unknown.stderr.contains("fast") && unknown.stderr.contains("small"))
    }

    @Test func stdinIsImportedUnderItsNameAndQuietPrintsOnlyTheId() throws {
        let result = try cli.run(arguments: ["log", "import", issue, "-", "--name", "journal.txt", "-q"], input: Array(logText.utf8))
        #expect(result.status == 0 && result.stderr.isEmpty)
        let id = result.stdout.trimmingCharacters(in: .newlines)
        let info = try cli.run("log", "show", id, "--info")
        #expect(info.stdout.contains("Name      journal.txt") && info.stdout.contains("Source    stdin"))
        #expect(try cli.run("log", "show", id).stdout == logText)
    }

    @Test func reviewRedactPurgeAndExportAsANewUserWould() throws {
        let id = try cli.run("log", "import", issue, try file("app.log", logText), "-q").stdout
            .trimmingCharacters(in: .newlines)
        let pii = try cli.run("log", "pii", id, "--type", "Email")
        #expect(pii.stdout.split(separator: "\n").count == 2)
        #expect(pii.stdout.contains("Email  301") && pii.stdout.contains("dave@example.com"))
        let lines = try cli.run("log", "show", id, "--lines", "300:301", "--redacted", "-n")
        #expect(lines.stdout == "   300\t2025-01-15 10:00:59 INFO request 299 from [IPv4]\n   301\t2025-01-15 10:05:00 ERROR login failed for [Email]\n")
        let grep = try cli.run("log", "grep", "login failed", "--issue", issue)
        #expect(grep.status == 0 && grep.stdout.hasSuffix(":301: 2025-01-15 10:05:00 ERROR login failed for dave@example.com\n"))
        #expect(try cli.run("log", "grep", "no such text").status == 1)

        // Dismiss the email as a false positive: the redacted view shows it again.
        let row = try #require(pii.stdout.split(separator: "\n").first { $0.contains("dave@") }?.split(separator: " "))
        let span = String(row[2])
        #expect(span.hasSuffix("/L1@\(logText.utf8.count - "dave@example.com\n".utf8.count)"), "the log, then the offset")
        #expect(try cli.run("log", "dismiss", span).status == 0)
        #expect(try cli.run("log", "dismiss", span).status == 65, "it is no longer detected")
        #expect(try cli.run("log", "show", id, "--lines", "301", "--redacted").stdout.contains("dave@example.com"))
        let unknown = try cli.run("log", "dismiss", "ffffffff-0000")
        #expect(unknown.status == 65 && unknown.stderrLines.first == "trcaa: no PII span matches 'ffffffff-0000'")

        // Purging needs confirmation; then the stored text holds tokens only.
        let refused = try cli.run("log", "redact", id, "--purge")
        #expect(refused.status == 64 && refused.stderr.contains("pass --yes"))
        let purge = try cli.run("log", "redact", id, "--purge", "--yes")
        #expect(purge.status == 0 && purge.stderr.contains("purged 300 PII spans"))
        let exported = cli.home + "/export.log"
        let export = try cli.run("log", "export", id, "-o", exported)
        #expect(export.status == 0 && export.stdout == exported + "\n")
        let text = try String(contentsOfFile: exported, encoding: .utf8)
        #expect(!text.contains("10.0.") && text.contains("from [IPv4]") && text.contains("dave@example.com"))
        #expect(try cli.run("log", "export", id, "-o", exported).status == 73)
        let audit = try cli.run("audit", "list", "--action", "redact_log_file", "--json").stdout
        #expect(audit.contains("old_hash") && audit.contains("new_hash"))
        #expect(try cli.run("audit", "verify").status == 0)
    }

    @Test func badInputIsRefusedWithItsExitCodeAndTheOtherFilesStillImport() throws {
        let binary = cli.home + "/core"
        try Data([0x7F, 0x45, 0x4C, 0x46, 0, 0, 1]).write(to: URL(fileURLWithPath: binary))
        let good = try file("good.log", "fine\n")
        let result = try cli.run("log", "import", issue, cli.home + "/missing.log", binary, good)
        #expect(result.status == 66)
        #expect(result.stdout.split(separator: "\n").count == 1, "the good file was imported")
        #expect(result.stderr.contains("trcaa: \(cli.home)/missing.log: no such file; nothing was imported"))
        #expect(result.stderr.contains("trcaa: core looks binary (a NUL byte at offset 4); nothing was imported\nhint: pass --binary"))
        let big = try cli.run("log", "import", issue, good, "--max-size", "2")
        #expect(big.status == 65 && big.stderr.contains("larger than the limit of 2 B") && big.stderr.contains("--max-size"))
        let directory = try cli.run("log", "import", issue, cli.home)
        #expect(directory.status == 66 && directory.stderr.contains("is a directory"))
        let cut = cli.home + "/cut.gz"
        #expect(try Shell.run(["sh", "-c", "seq 1 5000 | gzip -c | head -c 200 > \(cut)"]).status == 0)
        let truncated = try cli.run("log", "import", issue, cut)
        #expect(truncated.status == 65 && truncated.stderr.contains("trcaa: cut is damaged gzip data: the gzip data ends early"))
        let badSize = try cli.run("log", "import", issue, good, "--max-size", "lots")
        #expect(badSize.status == 64)
        #expect(try cli.run("log", "list", "--json").stdout.components(separatedBy: "\"file_name\"").count == 2)
    }

    @Test func imagesAreAttachedDescribedExportedAndListedWithLogs() throws {
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR".utf8)
            + [0, 0, 5, 0, 0, 0, 2, 208, 8, 6, 0, 0, 0]
        let path = cli.home + "/screen.png"
        try Data(png).write(to: URL(fileURLWithPath: path))
        let attach = try cli.run("image", "attach", issue, path)
        #expect(attach.status == 0 && attach.stderr.contains("PNG 1280×720"))
        let id = attach.stdout.trimmingCharacters(in: .newlines)
        let show = try cli.run("image", "show", id)
        #expect(show.stdout.contains("Type      PNG (image/png)") && show.stdout.contains("Pixels    1280×720"))
        let copy = cli.home + "/copy.png"
        #expect(try cli.run("image", "export", id, "-o", copy).status == 0)
        #expect(FileManager.default.contents(atPath: copy).map([UInt8].init) == png)
        let text = try file("notes.png", "not an image")
        let refused = try cli.run("image", "attach", issue, text)
        #expect(refused.status == 65 && refused.stderr.contains("is not a PNG, JPEG, GIF, WebP, BMP or SVG image"))
        _ = try cli.run("log", "import", issue, try file("app.log", "x\n"))
        let all = try cli.run("attachments", "list", "--search", "screen")
        #expect(all.stdout.contains("image") && all.stdout.contains("screen.png") && !all.stdout.contains("app.log"))
    }
}
