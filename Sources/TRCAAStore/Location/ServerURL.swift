/// Where a store on a PostgreSQL server is, parsed from the URL forms libpq accepts:
/// `postgres://user:password@host:port/database?sslmode=require` (also `postgresql://`), and
/// for a Unix socket `postgres:///database?host=/socket/dir&port=5432` or a host written as
/// a percent-encoded directory (`postgres://%2Frun%2Fpostgresql/database`).
public struct ServerURL: Sendable, Equatable {
    /// How the client reaches the server.
    public enum Endpoint: Sendable, Equatable {
        case tcp(host: String, port: Int)
        /// The socket `<directory>/.s.PGSQL.<port>`.
        case socket(directory: String, port: Int)
    }

    /// libpq's `sslmode` values.
    public enum SSLMode: String, Sendable, CaseIterable {
        case disable, allow, prefer, require
        case verifyCA = "verify-ca"
        case verifyFull = "verify-full"
    }

    public var endpoint: Endpoint
    /// `nil`: the connecting code chooses (`PGUSER`, else the login name).
    public var user: String?
    /// `nil`: the connecting code chooses (`PGPASSWORD`, else none).
    public var password: String?
    public var database: String
    /// `nil` when the URL names none.
    public var sslMode: SSLMode?
    public var applicationName: String?

    /// Whether `text` is meant as a server URL rather than a file path.
    public static func isServerURL(_ text: String) -> Bool {
        text.hasPrefix("postgres://") || text.hasPrefix("postgresql://")
    }

    /// - throws: `StoreError.invalidLocation` saying what is wrong (the message never holds
    ///   the password).
    public init(_ text: String) throws {
        guard let schemeEnd = text.firstRange(of: "://"), Self.isServerURL(text) else {
            throw Self.invalid(text, "it does not start with postgres:// or postgresql://")
        }
        var rest = Substring(text[schemeEnd.upperBound...])
        var query: [String: String] = [:]
        if let mark = rest.firstIndex(of: "?") {
            query = try Self.parameters(rest[rest.index(after: mark)...], url: text)
            rest = rest[..<mark]
        }
        let slash = rest.firstIndex(of: "/") ?? rest.endIndex
        var authority = rest[..<slash]
        let path = rest[slash...].dropFirst()
        if let at = authority.lastIndex(of: "@") {
            let credentials = authority[..<at]
            authority = authority[authority.index(after: at)...]
            let colon = credentials.firstIndex(of: ":")
            user = try Self.decoded(credentials[..<(colon ?? credentials.endIndex)], url: text)
            password = try colon.map { try Self.decoded(credentials[credentials.index(after: $0)...], url: text) }
        }
        let (host, portText) = try Self.hostAndPort(authority, url: text)
        let port = try Self.port(query["port"].map { Substring($0) } ?? portText, url: text)
        let hostName = try query["host"] ?? Self.decoded(host, url: text)
        if hostName.hasPrefix("/") {
            endpoint = .socket(directory: hostName, port: port)
        } else if hostName.isEmpty {
            throw Self.invalid(text, "it names no host (give one, or host=/socket/directory)")
        } else {
            endpoint = .tcp(host: hostName, port: port)
        }
        database = try Self.decoded(path, url: text)
        guard !database.isEmpty else { throw Self.invalid(text, "it names no database (…/DATABASE)") }
        user = query["user"] ?? user
        password = query["password"] ?? password
        applicationName = query["application_name"]
        if let mode = query["sslmode"] {
            guard let known = SSLMode(rawValue: mode) else {
                throw Self.invalid(text, "sslmode=\(mode) is not one of "
                    + SSLMode.allCases.map(\.rawValue).joined(separator: ", "))
            }
            sslMode = known
        }
    }

    /// The URL without the password, for messages and `db info`.
    public var redacted: String {
        let who = user.map { Self.encoded($0) + "@" } ?? ""
        switch endpoint {
        case .tcp(let host, let port):
            let shownHost = host.contains(":") ? "[\(host)]" : host
            return "postgres://\(who)\(shownHost):\(port)/\(Self.encoded(database))"
        case .socket(let directory, let port):
            return "postgres://\(who)/\(Self.encoded(database))?host=\(directory)&port=\(port)"
        }
    }

    /// Whether the connection stays on this machine: a Unix socket, `localhost` or a loopback
    /// address (127.0.0.0/8, ::1).
    public var isLocal: Bool {
        switch endpoint {
        case .socket: return true
        case .tcp(let host, _):
            return host == "localhost" || host == "::1" || host.hasPrefix("127.")
                && host.split(separator: ".").count == 4 && host.split(separator: ".").allSatisfy { UInt8($0) != nil }
        }
    }

    // MARK: Parsing

    private static func invalid(_ url: String, _ reason: String) -> StoreError {
        .invalidLocation(redactedForMessage(url), reason: reason)
    }

    /// `url` with anything between `://` and an `@` replaced, for messages about a URL that
    /// could not be parsed.
    private static func redactedForMessage(_ url: String) -> String {
        guard let start = url.firstRange(of: "://"), let at = url[start.upperBound...].firstIndex(of: "@") else { return url }
        return String(url[..<start.upperBound]) + "…" + url[at...]
    }

    private static func parameters(_ text: Substring, url: String) throws -> [String: String] {
        var result: [String: String] = [:]
        for pair in text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty else { throw invalid(url, "the parameter '\(pair)' is not NAME=VALUE") }
            result[try decoded(parts[0], url: url)] = try decoded(parts[1], url: url)
        }
        return result
    }

    /// `host:port`, `[v6]:port`, or either without the port.
    private static func hostAndPort(_ authority: Substring, url: String) throws -> (Substring, Substring?) {
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { throw invalid(url, "an IPv6 address lacks its ']'") }
            let host = authority[authority.index(after: authority.startIndex)..<close]
            let after = authority[authority.index(after: close)...]
            guard after.isEmpty || after.hasPrefix(":") else { throw invalid(url, "unexpected text after the IPv6 address") }
            return (host, after.isEmpty ? nil : after.dropFirst())
        }
        guard let colon = authority.lastIndex(of: ":") else { return (authority, nil) }
        return (authority[..<colon], authority[authority.index(after: colon)...])
    }

    private static func port(_ text: Substring?, url: String) throws -> Int {
        guard let text else { return 5432 }
        guard let port = Int(text), (1...65535).contains(port) else { throw invalid(url, "the port '\(text)' is not 1 to 65535") }
        return port
    }

    /// Percent-decoding, as UTF-8.
    private static func decoded(_ text: Substring, url: String) throws -> String {
        var bytes: [UInt8] = []
        var index = text.utf8.startIndex
        while index < text.utf8.endIndex {
            let byte = text.utf8[index]
            index = text.utf8.index(after: index)
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                continue
            }
            let end = text.utf8.index(index, offsetBy: 2, limitedBy: text.utf8.endIndex) ?? text.utf8.endIndex
            guard let value = UInt8(String(decoding: text.utf8[index..<end], as: UTF8.self), radix: 16),
                  text.utf8.distance(from: index, to: end) == 2
            else { throw invalid(url, "a '%' is not followed by two hexadecimal digits") }
            bytes.append(value)
            index = end
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Percent-encodes what would change the meaning of a URL part.
    private static func encoded(_ text: String) -> String {
        var result = ""
        for byte in text.utf8 {
            let safe = (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || "-._~".utf8.contains(byte)
            result += safe ? String(UnicodeScalar(byte)) : "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
        }
        return result
    }
}

private extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
