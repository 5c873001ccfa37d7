import Foundation
import Testing

/// Issue numbers come from the store, in the transaction that creates the issue: processes
/// creating issues at the same moment never get the same one.
@Suite struct IssueNumberingTests {
    let cli = CLI()

    @Test func processesCreatingIssuesAtOnceGetDistinctNumbers() throws {
        #expect(try cli.run("issue", "new", "created first").stdout == "1\n")
        // A write that found the store busy past the timeout (exit 75) stored nothing and is tried
        // again, as its message says; any other failure ends the loop (its message on stderr).
        let script = #"""
            for n in 1 2 3 4 5 6; do
                while :; do "$0" issue new "from $$ number $n" && break; status=$?; [ $status -eq 75 ] || exit $status; done
            done
            """#
        let outputs = (0..<4).map { _ in Pipe() }
        let processes = try outputs.map { output in
            try cli.start([], stdin: FileHandle.nullDevice, stdout: output, stderr: FileHandle.standardError, shell: script)
        }
        var printed: [Int] = []
        for (process, output) in zip(processes, outputs) {
            let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
            printed += text.split(separator: "\n").compactMap { Int($0) }
        }
        #expect(printed.count == 24)
        #expect(Set(printed) == Set(2...25), "every process printed its own numbers: \(printed.sorted())")
        let listed = try cli.run("issue", "list", "--limit", "100", "--json").stdout
        #expect((2...25).allSatisfy { listed.contains("\"key\" : \"#\($0)\"") })
    }
}
