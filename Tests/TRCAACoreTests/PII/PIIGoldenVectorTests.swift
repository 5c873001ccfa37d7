import Testing
import TRCAACore

/// The original's golden vectors (trcaa-original.md §3.7), with what trcaa does instead where
/// the original was wrong.
@Suite struct PIIGoldenVectorTests {
    private func redacted(_ text: String) -> String { Redaction.apply(PIIDetector.spans(in: text), to: text) }

    @Test(arguments: [
        ("Server 192.168.1.1 is down", "Server [IPv4] is down"),
        ("User admin@example.com logged in", "User [Email] logged in"),
        ("password: hunter2", "password: [Password]"),
        ("pass: abc123!!", "pass: [Password]"),
        ("My password is abc123!!", "My password is [Password]"),
        ("Is the password password123 good", "Is the password [Password] good"),
        ("password strength", "password strength"),
        ("bypass: enabled", "bypass: enabled"),
        ("api_key=sk-abcdefghijklmnop1234", "api_key=[ApiKey]"),
        ("SSN 123-45-6789 card 4111111111111111", "SSN [SSN] card [CreditCard]"),
        ("2024-03-01 12:34:56 ERROR request_id=1234567890 latency=12ms",
         "2024-03-01 12:34:56 ERROR request_id=1234567890 latency=12ms"),
    ])
    func vectorsTheOriginalGotRight(input: String, expected: String) {
        #expect(redacted(input) == expected)
    }

    @Test(arguments: [
        // The original left the scheme word, then redacted the whole header value as one.
        ("Authorization: Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.test", "Authorization: Bearer [Bearer]"),
        // Spaced card numbers were missed.
        ("card 4111 1111 1111 1111 end", "card [CreditCard] end"),
        // The user name leaked: the e-mail rule won over the URL.
        ("https://user:pa55@host.example.com/path", "https://[URL]@[Hostname]/path"),
        ("DATABASE_URL=postgres://admin:s3cret@db.internal.example.com:5432/app",
         "DATABASE_URL=postgres://[URL]@[Hostname]:5432/app"),
        // `(` and `+` were left behind.
        ("call (555) 123-4567 or +1 555.123.4567", "call [Phone] or [Phone]"),
        // Compressed IPv6 was cut short.
        ("mac AA:BB:CC:DD:EE:FF ipv6 2001:db8::1 and fe80::1ff:fe23:4567:890a", "mac [MAC] ipv6 [IPv6] and [IPv6]"),
        ("::1 localhost", "[IPv6] localhost"),
        // Versions and file names were flagged.
        ("host db-prod.internal.example.com version 1.2.3.4 file app.log",
         "host [Hostname] version 1.2.3.4 file app.log"),
        // The working directory was taken for a password.
        ("PWD=/home/user", "PWD=/home/user"),
    ])
    func vectorsTheOriginalGotWrong(input: String, expected: String) {
        #expect(redacted(input) == expected)
    }

    @Test func spansNeverOverlapAndAreByteOffsets() {
        let text = "naïve user josé@example.com from 10.0.0.1 — ok ☃ 4111-1111-1111-1111"
        let spans = PIIDetector.spans(in: text)
        #expect(spans.map(\.type) == [.email, .ipv4, .creditCard])
        for (a, b) in zip(spans, spans.dropFirst()) { #expect(a.end <= b.start) }
        let bytes = Array(text.utf8)
        #expect(String(decoding: bytes[spans[1].start..<spans[1].end], as: UTF8.self) == "10.0.0.1")
    }

    @Test func emptySpanListReturnsTheInput() {
        #expect(Redaction.apply([], to: "nothing to see") == "nothing to see")
    }
}
