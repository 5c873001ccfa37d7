import Foundation
import Testing

/// `trcaa pii scan`: the detector on stdin, nothing stored.
@Suite struct PIIScanCommandTests {
    let cli = CLI()
    let text = "boot ok\nlogin by ana@example.org from 10.0.0.7\n  café card 4111 1111 1111 1111\n"

    @Test func findingsAreListedByLineAndColumn() throws {
        let result = try cli.run(arguments: ["pii", "scan"], input: Array(text.utf8))
        #expect(result.status == 0)
        // Columns count characters, not bytes (é is two bytes).
        #expect(result.stdout == "2:10\tEmail\tana@example.org\n2:31\tIPv4\t10.0.0.7\n3:13\tCreditCard\t4111 1111 1111 1111\n")
    }

    @Test func columnsOnALongLineOfFindingsCountOnFromTheFindingBefore() throws {
        // Each "é " is two characters in three bytes; the addresses follow one another on one line.
        let line = (0..<2000).map { "é u\($0)@example.org" }.joined(separator: " ")
        let result = try cli.run(arguments: ["pii", "scan"], input: Array("first\n\(line)\nx 10.0.0.7\n".utf8))
        let rows = result.stdout.split(separator: "\n")
        #expect(rows.count == 2001)
        var column = 3
        for (index, row) in rows.prefix(2000).enumerated() {
            #expect(row == "2:\(column)\tEmail\tu\(index)@example.org")
            column += "u\(index)@example.org é ".count
        }
        #expect(rows.last == "3:3\tIPv4\t10.0.0.7")
    }

    @Test func redactAndJSONLinesAreTheOtherForms() throws {
        let redacted = try cli.run(arguments: ["pii", "scan", "--redact"], input: Array(text.utf8))
        #expect(redacted.stdout == "boot ok\nlogin by [Email] from [IPv4]\n  café card [CreditCard]\n")
        let jsonl = try cli.run(arguments: ["pii", "scan", "--jsonl"], input: Array(#"{"id":"a","text":"to bob@example.com"}"#.utf8) + [10])
        #expect(jsonl.stdout == #"{"id":"a","spans":[{"type":"Email","start":3,"end":18}]}"# + "\n")
        let nothing = try cli.run(arguments: ["pii", "scan"], input: Array("quiet\n".utf8))
        #expect(nothing.status == 0 && nothing.stdout.isEmpty && nothing.stderr.contains("nothing found"))
    }
}
