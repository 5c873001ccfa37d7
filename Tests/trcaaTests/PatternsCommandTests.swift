import Foundation
import Testing
import TestSupport

/// `trcaa patterns scan` and `trcaa log patterns` as a user (and the evaluation kit) runs them.
@Suite struct PatternsCommandTests {
    let cli = CLI()
    static let kit = SharedFiles.path("patterns/score.py")

    private func file(_ name: String, _ text: String) throws -> String {
        let path = cli.home + "/" + name
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    private let good = (0..<40).map { "Mar  3 07:01:\(String(format: "%02d", $0)) web01 app[9]: request \($0) served\n" }.joined()
        + "Mar  3 07:02:00 web01 app[9]: cache warmed\n"
    private let bad = (0..<10).map { "Mar  4 07:01:\(String(format: "%02d", $0)) web01 app[9]: request \($0) served\n" }.joined()
        + "Mar  4 07:02:00 web01 app[9]: ERROR disk full on /dev/sda1\n"

    @Test func scanPrintsOnePatternPerInputLine() throws {
        let result = try cli.run(arguments: ["patterns", "scan", "--per-line"], input: Array(good.utf8))
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == 41)
        #expect(lines.first == "1\trequest <num> served" && lines.last == "2\tcache warmed")
        let summary = try cli.run(arguments: ["patterns", "scan"], input: Array(good.utf8))
        #expect(summary.stdout == "40\t1\trequest <num> served\n1\t2\tcache warmed\n")
    }

    @Test func logPatternsListsSortsPrintsJSONAndDiffs() throws {
        let issue = try cli.run("issue", "new", "Disk").stdout.trimmingCharacters(in: .newlines)
        #expect(try cli.run("log", "import", issue, try file("good.log", good), try file("bad.log", bad), "-q").status == 0)
        let listed = try cli.run("log", "patterns", "\(issue)/L2")
        #expect(listed.status == 0, "\(listed.stderr)")
        #expect(listed.stdout.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ") } == [
            "COUNT ID LEVEL FIRST TEMPLATE", "10 1 - 1 request <num> served", "1 2 error 11 ERROR disk full on <path>"])
        let rare = try cli.run("log", "patterns", "\(issue)/L2", "--sort", "rare", "--json")
        let objects = try #require(try JSONSerialization.jsonObject(with: Data(rare.stdout.utf8)) as? [[String: Any]])
        #expect(objects.map { $0["id"] as? Int } == [2, 1])
        #expect(objects.first?["level"] as? String == "error" && objects.first?["first_line"] as? Int == 11)
        // The log writes no year: the import's, in UTC as incident times read log lines.
        #expect((objects.first?["first_time"] as? String)?.hasSuffix("-03-04T07:02:00Z") == true)
        #expect(objects.last?["last_time"] as? String == (objects.first?["first_time"] as? String)?.replacingOccurrences(of: "07:02:00", with: "07:01:09"))
        #expect(objects.first?["year_from_import"] as? Bool == true)
        let diff = try cli.run("log", "patterns", "\(issue)/L2", "--diff", "\(issue)/L1")
        #expect(diff.status == 0, "\(diff.stderr)")
        #expect(diff.stdout.contains("New (not in #1/L1): 1") && diff.stdout.contains("ERROR disk full on <path>"))
        #expect(diff.stdout.contains("Gone (only in #1/L1): 1") && diff.stdout.contains("cache warmed"))
        // Lines per million: 40 of 41 before, 10 of 11 now.
        #expect(diff.stdout.contains("975610  909091  request <num> served"))
    }

    @Test func redactedTemplatesHideTheValueEveryLineWrote() throws {
        let issue = try cli.run("issue", "new", "Mail").stdout.trimmingCharacters(in: .newlines)
        let mail = (0..<5).map { "Mar  3 07:01:0\($0) mx1 postfix[7]: delivered to ops@corp.example in \($0) ms\n" }.joined()
        #expect(try cli.run("log", "import", issue, try file("mail.log", mail), "-q").status == 0)
        #expect(try cli.run("log", "patterns", "\(issue)/L1").stdout.contains("delivered to ops@corp.example in <num> <*>"))
        let redacted = try cli.run("log", "patterns", "\(issue)/L1", "--redacted", "--json")
        #expect(redacted.status == 0, "\(redacted.stderr)")
        #expect(redacted.stdout.contains("delivered to [Email] in <num> <*>") && !redacted.stdout.contains("ops@corp"))
    }

    @Test func anIssuesLogsAreListedTogetherWithEachLogsLines() throws {
        let issue = try cli.run("issue", "new", "Disk").stdout.trimmingCharacters(in: .newlines)
        #expect(try cli.run("log", "import", issue, try file("good.log", good), try file("bad.log", bad), "-q").status == 0)
        let listed = try cli.run("log", "patterns", "--issue", issue)
        #expect(listed.status == 0, "\(listed.stderr)")
        #expect(listed.stdout.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ") } == [
            "COUNT ID LEVEL LOGS TEMPLATE", "50 1 - L1:40 L2:10 request <num> served", "1 2 - L1:1 cache warmed",
            "1 3 error L2:1 ERROR disk full on <path>"])
        let json = try cli.run("log", "patterns", "--issue", issue, "--sort", "level", "--json")
        let objects = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(objects.first?["template"] as? String == "ERROR disk full on <path>")
        #expect(objects.map { $0["id"] as? Int } == [3, 1, 2])
        let logs = try #require(objects[1]["logs"] as? [[String: Any]])
        #expect(logs.map { $0["log"] as? String } == ["#\(issue)/L1", "#\(issue)/L2"])
        #expect(logs.map { $0["count"] as? Int } == [40, 10] && logs.map { $0["first_line"] as? Int } == [1, 1])
        let both = try cli.run("log", "patterns", "\(issue)/L1", "--issue", issue)
        #expect(both.status == 64 && both.stderr.contains("not both"))
    }

    @Test func badArgumentsSayWhat() throws {
        let unknown = try cli.run("log", "patterns", "nosuchlog")
        #expect(unknown.status == 65 || unknown.status == 66, "\(unknown.stderr)")
        #expect(unknown.stderr.hasPrefix("trcaa: "))
        let sort = try cli.run("log", "patterns", "x", "--sort", "loud")
        #expect(sort.status == 64 && sort.stderr.contains("loud"))
    }

    /// The evaluation kit's grouping accuracy stays above the bar (measured: 0.984).
    @Test func theKitsGroupingAccuracyHolds() throws {
        let run = try Shell.run(["python3", Self.kit, "--cmd", "\(CLI.binary) patterns scan --per-line", "--min-ga", "0.97"])
        #expect(run.status == 0, "\(run.stdout)")
        #expect(run.stdout.contains("mean_ga="))
    }
}
