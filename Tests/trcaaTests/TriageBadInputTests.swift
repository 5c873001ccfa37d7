import Foundation
import Testing
import TestSupport

/// The triage issue's bad input: a clear message, a sysexits code, nothing changed.
@Suite struct TriageBadInputTests {
    let cli = CLI()
    let issue: String

    init() throws {
        issue = try cli.run("issue", "new", "Existing issue").stdout.trimmingCharacters(in: .newlines)
    }

    /// Runs a command that must fail with `code` and a first stderr line starting with `message`,
    /// and checks that the audit log did not move.
    private func expectRefused(_ arguments: [String], code: Int32, message: String, environment: [String: String] = [:],
                               sourceLocation: SourceLocation = #_sourceLocation) throws {
        let before = try cli.run("audit", "list", "--json").stdout
        let result = try cli.run(arguments: arguments, environment: environment)
        #expect(result.status == code, "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderrLines.contains { $0.hasPrefix(message) }, "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stdout.isEmpty, sourceLocation: sourceLocation)
        #expect(try cli.run("audit", "list", "--json").stdout == before, "nothing may change", sourceLocation: sourceLocation)
    }

    @Test func invalidFieldsAreUsageErrorsListingTheValidValues() throws {
        try expectRefused(["issue", "new", "  "], code: 64, message: "trcaa: the title is empty")
        try expectRefused(["issue", "new", "x", "--severity", "urgent"], code: 64,
                          message: "trcaa: The value 'urgent' is invalid for '--severity <severity>'. Please provide one of the following:")
        let category = try cli.run("issue", "new", "x", "--category", "cloud")
        #expect(category.status == 64)
        #expect(category.stderrLines.contains("  - public_safety") && category.stderrLines.contains("  - general"))
        let severity = try cli.run("issue", "new", "x", "--severity", "urgent")
        #expect(["P1", "P2", "P3", "P4", "critical", "high", "medium", "low"].allSatisfy { severity.stderrLines.contains("  - \($0)") })
        try expectRefused(["issue", "status", issue, "done"], code: 64, message: "trcaa: The value 'done' is invalid for '<status>'")
    }

    @Test func unknownShortAndAmbiguousIds() throws {
        try expectRefused(["issue", "show", "ffffffff"], code: 65, message: "trcaa: no issue matches 'ffffffff'")
        try expectRefused(["issue", "show", "01a"], code: 64, message: "trcaa: '01a' is too short to name anything")
        try expectRefused(["issue", "show", "#7"], code: 65, message: "trcaa: no issue matches '#7'")
        let uuid = { (json: String) in String(json.firstMatch(of: /"id" : "([0-9a-f-]{36})"/)?.1 ?? "") }
        let first = uuid(try cli.run("issue", "show", issue, "--json").stdout)
        let second = uuid(try cli.run("issue", "new", "Second", "--json").stdout)
        let shared = String(zip(first, second).prefix { $0 == $1 }.map(\.0))
        try expectRefused(["issue", "edit", shared, "--title", "x"], code: 64,
                          message: "trcaa: '\(shared)' matches several issues: ")
    }

    @Test func badMetadataIsRefused() throws {
        try expectRefused(["timeline", "record", issue, "log_uploaded", "x", "--metadata", "{oops"], code: 65,
                          message: "trcaa: the metadata is not valid JSON")
        try expectRefused(["timeline", "record", issue, "log_uploaded", "x", "--metadata",
                           "\"" + String(repeating: "a", count: 10_300) + "\""], code: 65,
                          message: "trcaa: the metadata is 10302 bytes; at most 10240 are allowed")
        try expectRefused(["timeline", "record", issue, "coffee_break", "x"], code: 64,
                          message: "trcaa: The value 'coffee_break' is invalid for '<type>'")
    }

    @Test func anEditorThatFailsOrLeavesNothingSavesNothing() throws {
        let document = try cli.run("doc", "rca", issue).stdout.trimmingCharacters(in: .newlines)
        let content = try cli.run("doc", "show", document).stdout
        try expectRefused(["doc", "edit", document], code: 75, message: "trcaa: the editor exited with status 1; nothing was saved",
                          environment: ["EDITOR": "sh -c 'echo junk >> \"$1\"; exit 1' e"])
        try expectRefused(["doc", "edit", document], code: 65, message: "trcaa: the edited file is empty; nothing was saved",
                          environment: ["EDITOR": "truncate -s 0"])
        try expectRefused(["doc", "edit", document], code: 69, message: "trcaa: the editor 'no-such-editor' could not be started",
                          environment: ["EDITOR": "no-such-editor"])
        // Text fields hold text: a PostgreSQL store could not even keep a NUL.
        try expectRefused(["doc", "edit", document], code: 65,
                          message: "trcaa: the edited file holds a NUL byte, so it is not text; nothing was saved",
                          environment: ["EDITOR": "sh -c 'printf \"a\\000b\" >> \"$1\"' e"])
        #expect(try cli.run("doc", "show", document).stdout == content)
    }

    @Test func aDescriptionOnStdinThatIsNotTextSavesNothing() throws {
        let before = try cli.run("audit", "list", "--json").stdout
        for (input, message) in [([0x61, 0x00, 0x62], "trcaa: stdin holds a NUL byte, so it is not text; nothing was saved"),
                                 ([0x61, 0xFF, 0x62], "trcaa: stdin is not valid UTF-8")] as [([UInt8], String)] {
            let result = try cli.run(arguments: ["issue", "edit", issue, "--description", "-"], input: input)
            #expect(result.status == 65 && result.stderrLines.first == message, "\(result.stderr)")
        }
        #expect(try cli.run("audit", "list", "--json").stdout == before, "nothing may change")
    }

    @Test func exportsToBadPlacesAreRefused() throws {
        let document = try cli.run("doc", "rca", issue).stdout.trimmingCharacters(in: .newlines)
        try expectRefused(["doc", "export", document, "--format", "pdf", "-o", cli.home + "/missing"], code: 73,
                          message: "trcaa: cannot export to \(cli.home)/missing: it is not a directory")
        try expectRefused(["doc", "export", document, "--format", "rtf"], code: 64,
                          message: "trcaa: The value 'rtf' is invalid for '--format <format>'")
        let first = try cli.run("doc", "export", document, "--format", "md", "-o", cli.home)
        #expect(first.status == 0)
        try expectRefused(["doc", "export", document, "--format", "md", "-o", cli.home], code: 73,
                          message: "trcaa: \(cli.home)/1_RCA__Existing_issue.md already exists")
        try expectRefused(["doc", "export", document, "--format", "md", "--tokens", "numbered", "-o", cli.home], code: 64,
                          message: "trcaa: --tokens applies to the redacted view; add --redacted")
        // The redacted export has a name of its own: it never replaces the plain one.
        let redacted = try cli.run("doc", "export", document, "--format", "md", "--redacted", "-o", cli.home)
        #expect(redacted.status == 0, "\(redacted.stderr)")
        #expect(redacted.stdout == "\(cli.home)/1_RCA__Existing_issue_redacted.md\n")
    }

    @Test func searchSyntaxErrorsAreExplained() throws {
        try expectRefused(["search", "\"open quote"], code: 64, message: "trcaa: cannot search for '\"open quote': unterminated string")
    }

    @Test func deletingWithoutConfirmationIsRefused() throws {
        try expectRefused(["issue", "delete", issue], code: 64, message: "trcaa: refusing to delete without confirmation; pass --yes")
        #expect(try cli.run("issue", "delete", issue, "--yes").status == 0)
        let remaining = try JSONSerialization.jsonObject(with: Data(try cli.run("issue", "list", "--json").stdout.utf8)) as? [Any]
        #expect(remaining?.isEmpty == true)
    }

    @Test func argumentsThatAreNotUTF8AreRefused() throws {
        let result = try Shell.run(["sh", "-c", "\"$TRCAA\" issue new \"$(printf 'caf\\351')\""],
                                   environment: cli.environment.merging(["TRCAA": CLI.binary]) { $1 })
        #expect(result.status == 64)
        #expect(result.stderr.hasPrefix("trcaa: argument 3 is not valid UTF-8"))
        #expect(try cli.run("issue", "list", "--json").stdout.contains("Existing issue"))
        #expect(try !cli.run("issue", "list", "--json").stdout.contains("caf"))
    }
}
