import Foundation
import Testing

/// Who the audit log records: `TRCAA_USER` when it names someone, else the login name.
@Suite struct AuditUserTests {
    let cli = CLI()

    private func users() throws -> [String] {
        let rows = try JSONSerialization.jsonObject(with: Data(try cli.run("audit", "list", "--json").stdout.utf8)) as? [[String: Any]]
        return (rows ?? []).reversed().compactMap { $0["user_id"] as? String }
    }

    @Test func trcaaUserNamesTheAnalystAndABlankOneIsIgnored() throws {
        let login = String(cString: getpwuid(geteuid())!.pointee.pw_name)  // Safe: the test runs as a known user.
        #expect(try cli.run("issue", "new", "Checkout 502", environment: ["TRCAA_USER": "  alice "]).status == 0)
        #expect(try cli.run("why", "add", "1", "Why?", environment: ["TRCAA_USER": " "]).status == 0)
        #expect(try cli.run("why", "add", "1", "Why again?", environment: ["TRCAA_USER": "bob\u{7}"]).status == 0)
        let recorded = try users()
        #expect(recorded.count >= 4)
        #expect(recorded.prefix(2).allSatisfy { $0 == "alice" }, "\(recorded)")  // the issue and its triage start
        #expect(recorded.dropFirst(2).allSatisfy { $0 == login }, "\(recorded)")
    }
}
