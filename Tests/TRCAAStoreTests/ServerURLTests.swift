import Testing
import TRCAAStore

@Suite struct ServerURLTests {
    @Test func theTCPFormGivesEveryPart() throws {
        let url = try ServerURL("postgresql://al%40ice:p%3Ass@db.example.com:6543/trcaa%20team?sslmode=verify-full&application_name=ops")
        #expect(url.endpoint == .tcp(host: "db.example.com", port: 6543))
        #expect(url.user == "al@ice" && url.password == "p:ss" && url.database == "trcaa team")
        #expect(url.sslMode == .verifyFull && url.applicationName == "ops")
        #expect(url.redacted == "postgres://al%40ice@db.example.com:6543/trcaa%20team")
        #expect(!url.isLocal)
    }

    @Test func defaultsAreLeftToTheConnectingCode() throws {
        let url = try ServerURL("postgres://db.example.com/trcaa")
        #expect(url.endpoint == .tcp(host: "db.example.com", port: 5432))
        #expect(url.user == nil && url.password == nil && url.sslMode == nil && url.applicationName == nil)
    }

    @Test func socketsAreNamedByDirectory() throws {
        let query = try ServerURL("postgres:///trcaa?host=/run/postgresql&port=5433&user=bob")
        #expect(query.endpoint == .socket(directory: "/run/postgresql", port: 5433))
        #expect(query.user == "bob" && query.isLocal)
        #expect(query.redacted == "postgres://bob@/trcaa?host=/run/postgresql&port=5433")
        #expect(try ServerURL(query.redacted) == query)
        let encoded = try ServerURL("postgres://%2Frun%2Fpostgresql/trcaa")
        #expect(encoded.endpoint == .socket(directory: "/run/postgresql", port: 5432))
    }

    @Test(arguments: [("localhost", true), ("127.0.0.1", true), ("127.1.2.3", true), ("[::1]", true),
                      ("127.example.com", false), ("10.0.0.1", false), ("[2001:db8::1]", false)])
    func loopbackHostsAreLocal(host: String, local: Bool) throws {
        #expect(try ServerURL("postgres://\(host):5432/trcaa").isLocal == local)
    }

    @Test func ipv6HostsKeepTheirBrackets() throws {
        let url = try ServerURL("postgres://u:pw@[2001:db8::1]:5444/trcaa")
        #expect(url.endpoint == .tcp(host: "2001:db8::1", port: 5444))
        #expect(url.redacted == "postgres://u@[2001:db8::1]:5444/trcaa")
    }

    @Test(arguments: [
        ("sqlite:///tmp/x.db", "it does not start with postgres:// or postgresql://"),
        ("postgres://host", "it names no database (…/DATABASE)"),
        ("postgres:///trcaa", "it names no host (give one, or host=/socket/directory)"),
        ("postgres://host:99999/trcaa", "the port '99999' is not 1 to 65535"),
        ("postgres://host/trcaa?sslmode=sometimes", "sslmode=sometimes is not one of disable, allow, prefer, require, verify-ca, verify-full"),
        ("postgres://host/tr%zzaa", "a '%' is not followed by two hexadecimal digits"),
        ("postgres://host/trcaa?port", "the parameter 'port' is not NAME=VALUE"),
    ])
    func malformedURLsSayWhatIsWrong(text: String, reason: String) {
        #expect(throws: StoreError.invalidLocation(text, reason: reason)) { try ServerURL(text) }
    }

    @Test func aMalformedURLsMessageHidesThePassword() {
        #expect(throws: StoreError.invalidLocation("postgres://…@host:0/trcaa", reason: "the port '0' is not 1 to 65535")) {
            try ServerURL("postgres://alice:secret@host:0/trcaa")
        }
    }
}
