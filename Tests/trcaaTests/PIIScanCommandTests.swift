import Foundation
import TestSupport
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

    /// Findings far into stdin, which is read a piece at a time, keep the line and column they
    /// have in the whole text, a private key block its lines, and the redacted text its
    /// numbering.
    @Test func aLongInputIsScannedAsOneText() throws {
        let filler = (0..<12_000).map { "é line \($0) from host-\($0 % 7)\n" }.joined()
        let key = "-----BEGIN RSA PRIVATE KEY-----\n" + String(repeating: "MIIEowIBAAKCAQEAx4Zy\n", count: 40) + "-----END RSA PRIVATE KEY-----"
        let lines = filler.split(separator: "\n").count
        let text = filler + "to ana@example.org " + filler + filler + "again ana@example.org, then\n" + key + "\n" + filler + "10.0.0.7"
        let third = 3 * lines + 1
        let found = try cli.run(arguments: ["pii", "scan"], input: Array(text.utf8))
        let rows = found.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(rows.first == "\(lines + 1):4\tEmail\tana@example.org")
        #expect(rows.dropFirst().first == "\(third):7\tEmail\tana@example.org")
        #expect(rows.dropFirst(2).first?.hasPrefix("\(third + 1):1\tPrivateKey\t-----BEGIN RSA PRIVATE KEY-----") == true)
        #expect(found.stdout.hasSuffix("\n\(third + 43 + lines):1\tIPv4\t10.0.0.7\n"))
        let redacted = try cli.run(arguments: ["pii", "scan", "--redact", "--tokens", "numbered"], input: Array(text.utf8))
        #expect(redacted.stdout == filler + "to [Email#1] " + filler + filler + "again [Email#1], then\n[PrivateKey#1]\n" + filler + "[IPv4#1]")
    }

    /// stdin is read a MiB at a time: once 16 MB of it are read, the process holds no more
    /// memory than once 1 MB is (it held all of it, then 2.5 bytes a byte with the scan's bits).
    @Test func memoryDoesNotGrowWithTheInput() throws {
        let sample = try Data(contentsOf: URL(fileURLWithPath: SharedFiles.path("data/loghub/OpenSSH_2k.log")))
        let process = try cli.start(["pii", "scan"], stdin: Pipe(), stdout: FileHandle.nullDevice, stderr: FileHandle.nullDevice)
        let input = (process.standardInput as! Pipe).fileHandleForWriting  // Safe: given above.
        // The peak so far, once `megabytes` MB are written: all but the pipe's 64 KiB are read.
        var written = 0
        let peak = { (megabytes: Int) throws -> Int in
            while written < megabytes * 1_000_000 {
                input.write(sample)
                written += sample.count
            }
            let status = try String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8)
            let line = status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") } ?? ""
            return Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
        }
        let (small, large) = (try peak(1), try peak(16))
        try input.close()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(small > 0 && large - small < 8 * 1024, "peak RSS \(small) KiB after 1 MB, \(large) KiB after 16 MB")
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
