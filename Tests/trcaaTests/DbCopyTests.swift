import Foundation
import Testing

/// `trcaa db copy`: a whole store into an empty one with its audit chain, or chosen issues into
/// a store with issues of its own; the target is written whole or not at all, the source only read.
@Suite struct DbCopyTests {
    let cli = CLI()
    var target: String { cli.home + "/copy.db" }

    /// `trcaa ARGS` on the copy.
    @discardableResult
    private func onCopy(_ arguments: String...) throws -> CLI.Result { try onCopy(arguments) }

    private func onCopy(_ arguments: [String]) throws -> CLI.Result { try cli.run(arguments: ["--db", target] + arguments) }

    /// Two issues numbered #2 and #3 (the first deleted), the second with a why, a log, an RCA
    /// and an incident event.
    private func makeIncident() throws {
        for title in ["Deleted soon", "Checkout 502", "SSH brute force"] { try cli.run("issue", "new", title) }
        #expect(try cli.run("issue", "delete", "1", "--yes").status == 0)
        try cli.run("why", "add", "3", "Why so many failed logins?", "--answer", "A botnet tried passwords")
        let log = cli.home + "/auth.log"
        try (0..<300).map { "Dec 10 06:55:\(String(format: "%02d", $0 % 60)) LabSZ sshd[\(24200 + $0)]: Failed password for "
            + "invalid user admin from 173.234.31.\($0 % 250) port \(38000 + $0) ssh2\n" }.joined()
            .write(toFile: log, atomically: true, encoding: .utf8)
        #expect(try cli.run("log", "import", "-q", "3", log).status == 0)
        try cli.run("doc", "rca", "3")
        try cli.run("timeline", "add", "3", "--at", "2015-12-10 06:55", "--kind", "impact", "logins fail")
    }

    private func json(_ result: CLI.Result) throws -> Any { try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) }

    @Test func aWholeStoreCopiesIntoANewFileWithItsAuditChain() throws {
        try makeIncident()
        let copy = try cli.run("db", "copy", "--to", target)
        #expect(copy.status == 0, "\(copy.stderr)")
        #expect(copy.stdout.contains("issues\t2\n") && copy.stdout.contains("log_files\t1\n") && copy.stdout.contains("audit_log\t"))
        for command in [["issue", "list", "--json"], ["why", "list", "3"], ["log", "show", "3/L1"], ["log", "pii", "3/L1"],
                        ["doc", "list", "3"], ["audit", "list", "--json", "--limit", "1000"], ["search", "botnet"]] {
            let here = try cli.run(arguments: command), there = try onCopy(command)
            #expect(there.status == 0 && there.stdout == here.stdout && !here.stdout.isEmpty, "\(command)")
        }
        let verified = try onCopy("audit", "verify")
        #expect(verified.status == 0, "\(verified.stdout)\(verified.stderr)")

        // Again into the same file: it holds issues now, and stays as it is.
        let again = try cli.run("db", "copy", "--to", target)
        #expect(again.status == 65)
        #expect(again.stderr.contains("already holds 2 issues; a whole store is copied only into an empty one"))
        #expect(try onCopy("audit", "verify").stdout == verified.stdout)
    }

    @Test func chosenIssuesComeWithTheirPartsAndOneAuditEntryEach() throws {
        try makeIncident()
        let sourceAudit = try cli.run("audit", "list", "--json", "--limit", "1000").stdout
        for title in ["Theirs A", "Theirs B", "Theirs C"] { try onCopy("issue", "new", title) }
        let copy = try cli.run("db", "copy", "--to", target, "--issue", "#3")
        #expect(copy.status == 0, "\(copy.stderr)")
        #expect(copy.stderr.contains("#3 “SSH brute force” is #4 in \(target): its number was taken there"))
        #expect(!copy.stdout.contains("audit_log") && !copy.stdout.contains("settings"))
        #expect(try onCopy("log", "show", "4/L1").stdout == (try cli.run("log", "show", "3/L1")).stdout)
        #expect(try onCopy("why", "list", "4").stdout.contains("A botnet tried passwords"))
        #expect(try onCopy("issue", "list").stdout.contains("Theirs A"))

        let entries = try #require(try json(onCopy("audit", "list", "--json", "--action", "copy_issue")) as? [[String: Any]])
        #expect(entries.count == 1)
        let details = try #require(try JSONSerialization.jsonObject(with: Data((entries[0]["details"] as? String ?? "").utf8))
            as? [String: Any])
        #expect(details["source_number"] as? Int == 3 && details["number"] as? Int == 4)
        let carried = (details["source_audit"] as? [[String: Any]] ?? []).compactMap { $0["action"] as? String }
        #expect(carried.contains("create_issue") && carried.contains("upload_log_file") && carried.contains("add_five_why"))
        #expect(!carried.isEmpty && carried.count < 20, "the rows of this issue only: \(carried)")
        for result in [try onCopy("audit", "verify"), try cli.run("audit", "verify")] {
            #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        }
        #expect(try cli.run("audit", "list", "--json", "--limit", "1000").stdout == sourceAudit, "the source is only read")

        let again = try cli.run("db", "copy", "--to", target, "--issue", "3")
        #expect(again.status == 65 && again.stderr.contains("already holds #3 “SSH brute force”; nothing was written"))
    }

    @Test func theStoreItselfIsNoTarget() throws {
        try cli.run("issue", "new", "One")
        let result = try cli.run("db", "copy", "--to", cli.environment["TRCAA_DATABASE_URL"] ?? cli.databasePath)
        #expect(result.status == 64 && result.stderr.contains("is the store being copied"))
        let directory = try cli.run("db", "copy", "--to", cli.home)
        #expect(directory.status == 73)
        #expect(directory.stderr.contains("\(cli.home) is a directory, not a database file")
            && directory.stderr.contains("--to \(cli.home)/trcaa-copy.db"))
    }
}
