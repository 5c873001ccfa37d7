/// What kind of sensitive value a span holds. The raw value is what `pii_spans.pii_type`
/// stores and the redaction token shows (`[IPv4]`), as in the original, plus trcaa's four.
public enum PIIType: String, CaseIterable, Sendable, Codable {
    case url = "URL"
    case bearer = "Bearer"
    case apiKey = "ApiKey"
    case password = "Password"
    case ssn = "SSN"
    case creditCard = "CreditCard"
    case email = "Email"
    case mac = "MAC"
    case ipv6 = "IPv6"
    case ipv4 = "IPv4"
    case phone = "Phone"
    case hostname = "Hostname"
    case iban = "IBAN"
    case jwt = "JWT"
    case awsKey = "AWSKey"
    case privateKey = "PrivateKey"

    /// The text that replaces a value in the redacted view.
    public var token: String { "[\(rawValue)]" }

    /// When two candidates overlap, the higher priority wins: the more specific format, and
    /// secrets before the network names they may contain.
    var priority: Int {
        switch self {
        case .privateKey: 16
        case .jwt: 15
        case .url: 14
        case .awsKey: 13
        case .bearer, .apiKey: 12
        case .password: 11
        case .email: 10
        case .iban: 9
        case .creditCard: 8
        case .ssn: 7
        case .mac: 6
        case .ipv6: 5
        case .ipv4: 4
        case .phone: 3
        case .hostname: 2
        }
    }
}

/// A detected value: its type and UTF-8 byte range, end exclusive.
public struct PIISpan: Sendable, Equatable, Hashable {
    public var type: PIIType
    public var start: Int
    public var end: Int

    public init(type: PIIType, start: Int, end: Int) {
        self.type = type
        self.start = start
        self.end = end
    }

    public var length: Int { end - start }
}
