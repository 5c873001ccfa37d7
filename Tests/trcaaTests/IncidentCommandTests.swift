import Foundation
import Testing

/// The incident in incident time and its action items, from the command line.
@Suite struct IncidentCommandTests {
    let cli = CLI()

    @Test func eventsFromALogLineAndByHandGiveTheFiguresAndActionItemsListAcrossIssues() throws {
        #expect(try cli.run("issue", "new", "SSH brute force").stdout == "1\n")
        let log = cli.home + "/auth.log"
        try Data("""
            Dec 10 06:55:46 LabSZ sshd[24200]: Failed password for root from 173.234.31.186 port 38926 ssh2
            Dec 10 07:01:02 LabSZ sshd[24203]: Failed password for root from 173.234.31.186 port 38931 ssh2

            """.utf8).write(to: URL(fileURLWithPath: log))
        #expect(try cli.run("log", "import", "1", log).status == 0)
        #expect(try cli.run("timeline", "add", "1", "Brute force begins", "--log", "#1/L1", "--line", "1",
                            "--kind", "impact").status == 0)
        #expect(try cli.run("timeline", "add", "1", "Alert fired", "--at", "+5m", "--kind", "detected").status == 0)
        let mitigated = try cli.run("timeline", "add", "1", "Blocked at the firewall", "--at", "start+4h8m",
                                    "--kind", "mitigated")
        #expect(mitigated.status == 0)

        let list = try cli.run(arguments: ["timeline", "list", "1"], environment: ["TZ": "UTC"]).stdout
        #expect(list.contains("Impact started") && list.contains("Brute force begins") && list.contains("Triage Started"))
        #expect(list.contains("Time to detect    5m") && list.contains("Duration          4h 8m (to mitigation; not resolved yet)"))
        let json = try JSONSerialization.jsonObject(with: Data(try cli.run("timeline", "list", "1", "--json").stdout.utf8))
            as? [String: Any]
        let incident = try #require(json?["incident"] as? [[String: Any]])
        #expect(incident.count == 3 && (incident[0]["occurred_at"] as? String)?.hasSuffix("-12-10T06:55:46Z") == true)
        #expect((incident[0]["evidence"] as? String)?.hasPrefix("auth.log:1: Dec 10 06:55:46 LabSZ") == true)
        #expect((json?["figures"] as? [String: Any])?["time_to_detect"] as? Int == 300)

        let event = String(mitigated.stdout.prefix(36))
        #expect(try cli.run("timeline", "edit", event, "--kind", "resolved").status == 0)
        #expect(try cli.run("timeline", "list", "1").stdout.contains("Resolved          "))
        #expect(try cli.run("timeline", "rm", event).status == 0)
        #expect(try cli.run("timeline", "add", "1", "x", "--at", "soonish").status == 64)
        #expect(try cli.run("timeline", "list", "1", "--incident", "--triage").status == 64)
        #expect(try cli.run("timeline", "add", "1", "x", "--log", "#1/L1", "--line", "3").status != 0)

        #expect(try cli.run("issue", "new", "Disk full").status == 0)
        let item = try cli.run("action", "add", "1", "Rate-limit sshd with fail2ban", "--owner", "alice", "--due", "2026-01-15",
                               "--priority", "P1").stdout.trimmingCharacters(in: .newlines)
        #expect(try cli.run("action", "add", "2", "Alert on disk usage", "--due", "2026-01-10").status == 0)
        var open = try cli.run("action", "list", "--open").stdout.split(separator: "\n")
        #expect(open.count == 3 && open[1].contains("Alert on disk usage") && open[2].contains("alice"))
        #expect(try cli.run("action", "done", item).status == 0)
        open = try cli.run("action", "list", "--open").stdout.split(separator: "\n")
        #expect(open.count == 2 && !open.joined().contains("fail2ban"))
        #expect(try cli.run("action", "list", "1").stdout.contains("done"))
        let show = try cli.run("issue", "show", "1").stdout
        #expect(show.contains("Action items (1)") && show.contains("@alice") && show.contains("│ auth.log:1: Dec 10 06:55:46"))
        #expect(try cli.run("audit", "verify").status == 0)
    }

    @Test func multiLineAnswersAndEvidenceKeepTheirLinesIndented() throws {
        #expect(try cli.run("issue", "new", "Checkout errors").status == 0)
        #expect(try cli.run("why", "add", "1", "Why did checkout fail?", "--answer", "Gateway timeouts\nafter the deploy",
                            "--evidence", "gateway.log:120: ERROR timeout\ngateway.log:250: ERROR timeout").status == 0)
        let list = try cli.run("why", "list", "1").stdout.split(separator: "\n").map(String.init)
        #expect(list == ["1. Why did checkout fail?  ← root cause (last answer)",
                         "   → Gateway timeouts", "     after the deploy",
                         "   evidence: gateway.log:120: ERROR timeout", "             gateway.log:250: ERROR timeout"])
        let show = try cli.run("issue", "show", "1").stdout
        #expect(show.contains("     evidence: gateway.log:120: ERROR timeout\n               gateway.log:250: ERROR timeout"))
    }
}
