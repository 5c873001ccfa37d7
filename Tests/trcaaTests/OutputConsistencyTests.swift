import Foundation
import Testing

/// Issue 17, "CLI consistency": short ids that tell listed things apart and are taken back,
/// one timestamp form per output, search and grep alike in their JSON, names and exit codes.
@Suite struct OutputConsistencyTests {
    let cli = CLI()
    let issue: String

    init() throws {
        issue = try cli.run("issue", "new", "Checkout outage").stdout.trimmingCharacters(in: .newlines)
    }

    private func json(_ arguments: String..., environment: [String: String] = [:]) throws -> Any {
        let result = try cli.run(arguments: arguments, environment: environment)
        #expect(result.status == 0, "\(result.stderr)")
        return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
    }

    private func file(_ name: String, _ text: String) throws -> String {
        let path = cli.home + "/" + name
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func documentsCreatedTogetherGetShortIdsThatTellThemApartAndOpenThem() throws {
        // Made in the same second, the two ids share their first 8 characters (UUIDv7's time).
        let rca = try cli.run("doc", "rca", issue).stdout.trimmingCharacters(in: .newlines)
        let postmortem = try cli.run("doc", "postmortem", issue).stdout.trimmingCharacters(in: .newlines)
        #expect(rca.prefix(8) == postmortem.prefix(8))
        let show = try cli.run("issue", "show", issue).stdout
        let listed = show.split(separator: "\n").drop { !$0.hasPrefix("Documents") }.dropFirst()
            .map { String($0.split(separator: " ")[0]) }
        #expect(Set(listed) == ["#\(issue)/D1", "#\(issue)/D2"], "issue show names them as doc list does")
        let list = try cli.run("doc", "list", issue).stdout
        for name in listed {
            #expect(list.contains(name))
            let opened = try cli.run("doc", "show", name)
            #expect(opened.status == 0, "\(opened.stderr)")
        }
    }

    @Test func theAuditListNamesEveryEntityByAnIdItTakesBack() throws {
        for question in ["Why 504s?", "Why waits?", "Why leaks?"] {
            #expect(try cli.run("why", "add", issue, question).status == 0)
        }
        let table = try cli.run("audit", "list", "--action", "add_five_why").stdout.split(separator: "\n").dropFirst()
        let names = table.compactMap { line -> String? in
            let words = line.split(separator: " ")
            return words.firstIndex(of: "resolution_step").map { String(words[$0 + 1]) }
        }
        #expect(names.count == 3 && Set(names).count == 3, "\(table)")
        for name in names {
            #expect(name.count >= 8)
            let entries = try #require(try json("audit", "list", "--entity", name, "--json") as? [[String: Any]])
            #expect(Set(entries.compactMap { $0["entity_id"] as? String }).count == 1, "\(name) names one why")
        }
    }

    @Test func timestampsAreISOInJSONAndDetailsRelativeInListsLocalInTimelines() throws {
        _ = try cli.run("doc", "rca", issue)
        let show = try #require(try json("issue", "show", issue, "--json") as? [String: Any])
        let fields = [(show["issue"] as? [String: Any])?["created_at"], (show["timeline"] as? [[String: Any]])?.first?["created_at"],
                      (show["documents"] as? [[String: Any]])?.first?["updated_at"]]
        for field in fields {
            let text = try #require(field as? String, "\(fields)")
            #expect(text.wholeMatch(of: /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ/) != nil, "\(text)")
        }
        let detail = try cli.run("issue", "show", issue).stdout
        #expect(detail.contains(try #require(detail.firstMatch(of: /Created +\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\n/)).output))
        #expect(!detail.contains(" UTC"))
        #expect(try cli.run("doc", "list", issue).stdout.contains("  just now  "))

        let utc = try cli.run("timeline", "list", issue).stdout.split(separator: "\n")
        let tokyo = try cli.run(arguments: ["timeline", "list", issue], environment: ["TZ": "Asia/Tokyo"]).stdout.split(separator: "\n")
        #expect(utc.first?.hasPrefix("TIME (UTC)") == true && tokyo.first?.hasPrefix("TIME (JST)") == true)
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
        formatter.timeZone = TimeZone(identifier: "UTC")
        let times = try [utc[1], tokyo[1]].map { try #require(formatter.date(from: String($0.prefix(19)))) }
        #expect(times[1].timeIntervalSince(times[0]) == 9 * 3600, "the same instant in the local zone")
    }

    @Test func searchKeepsTheIssuesSourceApartFromTheMatchAndExitsAsGrep() throws {
        _ = try cli.run("why", "add", issue, "Why did the connection pool run dry?")
        let results = try #require(try json("search", "pool", "--json") as? [[String: Any]])
        #expect(results.count == 1)
        #expect(results[0]["source"] as? String == "manual", "the issue's own column")
        let match = try #require(results[0]["match"] as? [String: Any])
        #expect(match["source"] as? String == "why" && (match["snippet"] as? String)?.contains("[pool]") == true)

        let none = try cli.run("search", "nothing-like-this")
        #expect(none.status == 1 && none.stdout.isEmpty && none.stderr.contains("no issue matches"))
        let noneJSON = try cli.run("search", "nothing-like-this", "--json")
        #expect(noneJSON.status == 1 && noneJSON.stdout.filter { !$0.isWhitespace } == "[]")
        #expect(try cli.run("search", "\"unbalanced").status == 64)
        let help = try cli.run("search", "--help").stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(help.contains("0 when an issue matched, 1 when none did"))
    }

    @Test func grepNamesLinesByFileAsGrepDoesAndPointsBadPatternsToFixedStrings() throws {
        let log = try cli.run("log", "import", issue, try file("app.log", "start\nlogin failed (code 7)\nstop\n"), "-q")
            .stdout.trimmingCharacters(in: .newlines)
        let byName = try cli.run("log", "grep", "failed")
        #expect(byName.status == 0 && byName.stdout == "#\(issue):app.log:2: login failed (code 7)\n")
        #expect(try cli.run("log", "grep", "failed", "--ids").stdout == "#\(issue)/L1:2: login failed (code 7)\n")
        let hits = try #require(try json("log", "grep", "failed", "--json") as? [[String: Any]])
        #expect(hits.count == 1 && hits[0]["log_id"] as? String == log && hits[0]["log"] as? String == "#\(issue)/L1")
        #expect(hits[0]["file_name"] as? String == "app.log" && hits[0]["line"] as? Int == 2)

        let bad = try cli.run("log", "grep", "(")
        #expect(bad.status == 64 && bad.stderrLines.first?.hasPrefix("trcaa: '(' is not a valid regular expression") == true)
        #expect(bad.stderrLines.last == "hint: to look for the text as it is, pass -F (fixed strings)")
        #expect(try cli.run("log", "grep", "-F", "(").stdout == "#\(issue):app.log:2: login failed (code 7)\n")
        let none = try cli.run("log", "grep", "absent", "--json")
        #expect(none.status == 1 && none.stdout == "[]\n")
    }

    @Test func numberedTokensAreTheSameInShowLinesExportAndPurge() throws {
        let text = "from 10.0.0.1 to 10.0.0.2\nagain 10.0.0.2\nmail bob@example.com from 10.0.0.1\n"
        let log = try cli.run("log", "import", issue, try file("hosts.log", text), "-q").stdout.trimmingCharacters(in: .newlines)
        let expected = "from [IPv4#1] to [IPv4#2]\nagain [IPv4#2]\nmail [Email#1] from [IPv4#1]\n"
        #expect(try cli.run("log", "show", log, "--redacted", "--tokens", "numbered").stdout == expected)
        #expect(try cli.run("log", "show", log, "--redacted", "--tokens", "numbered", "--lines", "3").stdout
            == "mail [Email#1] from [IPv4#1]\n", "a line alone keeps the numbers of the whole log")
        #expect(try cli.run("log", "grep", "again", "--redacted", "--tokens", "numbered").stdout.hasSuffix(":2: again [IPv4#2]\n"))
        let exported = cli.home + "/hosts.redacted.log"
        #expect(try cli.run("log", "export", log, "--redacted", "--tokens", "numbered", "-o", exported).status == 0)
        #expect(try String(contentsOfFile: exported, encoding: .utf8) == expected)
        let alone = try cli.run("log", "show", log, "--tokens", "numbered")
        #expect(alone.status == 64 && alone.stderr.contains("add --redacted"))
        #expect(try cli.run("log", "redact", log, "--purge", "--yes").status == 0)
        #expect(try cli.run("log", "show", log).stdout == "from [IPv4] to [IPv4]\nagain [IPv4]\nmail [Email] from [IPv4]\n",
                "a purge keeps plain tokens unless asked")
    }
}
