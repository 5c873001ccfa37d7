import Foundation
import Testing
import TestSupport

/// A whole RCA from the command line, as the issue's "done when" describes it.
@Suite struct TriageFlowTests {
    let cli = CLI()

    private func id(_ result: CLI.Result, sourceLocation: SourceLocation = #_sourceLocation) -> String {
        #expect(result.status == 0, "\(result.stderr)", sourceLocation: sourceLocation)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 1, "a command that creates prints only the new id", sourceLocation: sourceLocation)
        let value = String(lines.first ?? "")
        // A UUID, or an issue's number (what `issue new` prints).
        #expect((value.count == 36 && value.split(separator: "-").count == 5) || Int(value) != nil,
                sourceLocation: sourceLocation)
        return value
    }

    @Test func aWholeRCAFromTheCommandLineWithTamperingCaught() throws {
        let issue = id(try cli.run("issue", "new", "Database connection timeout", "--severity", "critical",
                                   "--category", "databases", "--description", "504s from checkout"))
        for (question, answer) in [("Why 504s?", "DB waits"), ("Why DB waits?", "Pool exhausted"),
                                   ("Why exhausted?", "Leaked connections"), ("Why leaked?", "Retry path"),
                                   ("Why retry path?", "No close on failure")] {
            _ = id(try cli.run("why", "add", String(issue.prefix(8)), question, "--answer", answer))
        }
        #expect(try cli.run("why", "root-cause", issue, "5", "--confidence", "0.9").status == 0)
        let timeline = try cli.run("timeline", "list", issue)
        #expect(timeline.stdout.contains("Root Cause Identified"))
        #expect(timeline.stdout.components(separatedBy: "Why Level Advanced").count == 6)

        let rca = id(try cli.run("doc", "rca", issue))
        let postmortem = id(try cli.run("doc", "postmortem", issue))
        let edit = try cli.run("doc", "edit", rca,
                               environment: ["EDITOR": "sh -c 'printf \"\\nReviewed by the team.\\n\" >> \"$1\"' e"])
        #expect(edit.status == 0, "\(edit.stderr)")
        #expect(try cli.run("doc", "show", rca).stdout.hasSuffix("Reviewed by the team.\n"))
        let regenerate = try cli.run("doc", "rca", issue)
        #expect(regenerate.status == 73)
        #expect(regenerate.stderrLines.last == "hint: pass --force to replace it anyway")

        let out = cli.home + "/exports"
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        for document in [rca, postmortem] {
            for format in ["md", "html", "pdf", "docx"] {
                let export = try cli.run("doc", "export", document, "--format", format, "-o", out)
                #expect(export.status == 0, "\(export.stderr)")
                #expect(FileManager.default.fileExists(atPath: export.stdout.trimmingCharacters(in: .newlines)))
            }
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: out).count == 8)
        let pdf = try Shell.output(["pdftotext", out + "/1_RCA__Database_connection_timeout.pdf", "-"])
        #expect(pdf.contains("Reviewed by the team."))

        let verify = try cli.run("audit", "verify")
        #expect(verify.status == 0)
        #expect(verify.stdout.hasPrefix("audit chain intact: "))

        let entries = try JSONSerialization.jsonObject(with: Data(try cli.run("audit", "list", "--json").stdout.utf8))
            as? [[String: String]] ?? []
        let victim = try #require(entries.dropFirst(3).first?["id"])
        try cli.shellSQL("UPDATE audit_log SET user_id = 'mallory' WHERE id = '\(victim)';")
        let broken = try cli.run("audit", "verify")
        #expect(broken.status == 1)
        #expect(broken.stderrLines.first?.hasPrefix("trcaa: the audit chain is broken: entry ") == true)
        #expect(broken.stderr.contains(victim) && broken.stderr.contains("was changed after it was written"))
    }

    /// `issue create`, as jira-cli and gh spell it, is `issue new`.
    @Test func issueCreateIsIssueNew() throws {
        let issue = id(try cli.run("issue", "create", "Disk full on db-2", "--severity", "high"))
        let shown = try cli.run("issue", "show", issue)
        #expect(shown.stdout.contains("Disk full on db-2") && shown.stdout.contains("P2"), "\(shown.stdout)")
    }

    @Test func listsAndShowsHaveJSON() throws {
        let issue = id(try cli.run("issue", "new", "JSON check", "--tag", "a"))
        let list = try JSONSerialization.jsonObject(with: Data(try cli.run("issue", "list", "--json").stdout.utf8))
            as? [[String: Any]]
        #expect(list?.first?["number"] as? Int == Int(issue))
        #expect(list?.first?["key"] as? String == "#\(issue)")
        #expect((list?.first?["id"] as? String)?.count == 36)
        #expect(list?.first?["tags"] as? [String] == ["a"])
        #expect(list?.first?["step_count"] as? Int == 0)
        let show = try JSONSerialization.jsonObject(with: Data(try cli.run("issue", "show", issue, "--json").stdout.utf8))
            as? [String: Any]
        #expect((show?["issue"] as? [String: Any])?["title"] as? String == "JSON check")
        #expect((show?["timeline"] as? [Any])?.count == 1)
        let search = try cli.run("search", "json", "--json")
        #expect(search.stdout.contains("\"snippet\" : \"[JSON] check\""))
    }
}

extension Shell {
    static func output(_ arguments: [String]) throws -> String { try run(arguments).stdout }
}
