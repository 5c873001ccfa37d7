import CNCurses
import COpenSSL
import CSQLCipher
import CZlib
import Foundation
import Testing

/// The system libraries link and their shims expose what the code relies on.
@Suite struct PlatformTests {
    @Test func sqlcipherIsVersion4WithFTS5AndJSON() throws {
        var db: OpaquePointer?
        #expect(sqlite3_open(":memory:", &db) == SQLITE_OK)
        defer { sqlite3_close(db) }
        func text(_ sql: String) -> String? {
            var statement: OpaquePointer?
            guard sqlite3_prepare_v2(db, sql, -1, &statement, nil) == SQLITE_OK else { return nil }
            defer { sqlite3_finalize(statement) }
            guard sqlite3_step(statement) == SQLITE_ROW, let value = sqlite3_column_text(statement, 0) else { return nil }
            return String(cString: value)
        }
        let version = try #require(text("PRAGMA cipher_version"))
        #expect((Int(version.prefix { $0.isNumber }) ?? 0) >= 4)
        #expect(sqlite3_compileoption_used("ENABLE_FTS5") == 1)
        #expect(text("SELECT json_extract('{\"a\":[1,2]}', '$.a[1]')") == "2")
    }

    @Test func zlibWritesGzipThatGzipReads() throws {
        let input = Array(String(repeating: "Nov 23 13:57:56 host sshd[42]: Accepted key\n", count: 100).utf8)
        var stream = z_stream()
        #expect(czlib_deflateInit2(&stream, 6, 15 + 16, 8, Z_DEFAULT_STRATEGY) == Z_OK)
        var output = [UInt8](repeating: 0, count: 4096)
        var inputCopy = input
        let produced = inputCopy.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                stream.next_in = inBuffer.baseAddress
                stream.avail_in = UInt32(inBuffer.count)
                stream.next_out = outBuffer.baseAddress
                stream.avail_out = UInt32(outBuffer.count)
                let rc = deflate(&stream, Z_FINISH)
                deflateEnd(&stream)
                return rc == Z_STREAM_END ? outBuffer.count - Int(stream.avail_out) : -1
            }
        }
        #expect(produced > 0)
        let file = NSTemporaryDirectory() + "/trcaa-platform-\(getpid()).gz"
        defer { unlink(file) }
        try Data(output.prefix(produced)).write(to: URL(fileURLWithPath: file))
        let gunzip = Process()
        gunzip.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        gunzip.arguments = ["gzip", "-dc", file]
        let pipe = Pipe()
        gunzip.standardOutput = pipe
        try gunzip.run()
        let decompressed = pipe.fileHandleForReading.readDataToEndOfFile()
        gunzip.waitUntilExit()
        #expect(gunzip.terminationStatus == 0)
        #expect(Array(decompressed) == input)
    }

    @Test func ncurseswExposesTheWideCharacterAPI() {
        var cell = cchar_t()
        var wide: [wchar_t] = [wchar_t(0x6F22), 0]  // 漢
        #expect(setcchar(&cell, &wide, 0, 0, nil) == OK)
        var back = [wchar_t](repeating: 0, count: 8)
        var attributes: attr_t = 0
        var pair: Int16 = 0
        #expect(getcchar(&cell, &back, &attributes, &pair, nil) == OK)
        #expect(back[0] == 0x6F22)
        #expect(nc_key_f(1) == KEY_F0 + 1)
        #expect(nc_a_bold() != 0)
    }

    @Test func libcryptoComputesSHA256() {
        var digest = [UInt8](repeating: 0, count: 32)
        var length: UInt32 = 0
        let input = Array("abc".utf8)
        #expect(EVP_Digest(input, input.count, &digest, &length, EVP_sha256(), nil) == 1)
        #expect(digest.map { String(format: "%02x", $0) }.joined()
                == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }
}
