import TRCAAStore

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

    /// What the detector checked, for someone deciding whether a span is a false positive.
    public var reason: String {
        switch self {
        case .url: "a URL with credentials, a token or personal data in it"
        case .bearer: "an Authorization: Bearer token"
        case .apiKey: "a value assigned to a key, token or secret name"
        case .password: "a value assigned to a password name"
        case .ssn: "a US social security number (valid area, group and serial)"
        case .creditCard: "a card number: issuer prefix, length and Luhn check"
        case .email: "an e-mail address with a known top-level domain"
        case .mac: "a MAC address"
        case .ipv6: "an IPv6 address"
        case .ipv4: "an IPv4 address (four octets of 0–255)"
        case .phone: "a phone number in an international or national format"
        case .hostname: "a host name under a known top-level domain"
        case .iban: "an IBAN (country length and mod-97 check)"
        case .jwt: "a JSON Web Token (three base64url parts)"
        case .awsKey: "an AWS access key id"
        case .privateKey: "a PEM or PGP private key block"
        }
    }

    /// How the viewer groups types for colour: credentials, personal data, network names.
    public var kind: Kind {
        switch self {
        case .bearer, .apiKey, .password, .jwt, .awsKey, .privateKey: .credential
        case .ssn, .creditCard, .email, .phone, .iban: .personal
        case .url, .mac, .ipv6, .ipv4, .hostname: .network
        }
    }

    public enum Kind: Sendable { case credential, personal, network }

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

extension PIIType {
    private static let byCode: [PIIType?] = PackedSpans.typeNames.map(PIIType.init(rawValue:))
    private static let codes: [PIIType: UInt8] = Dictionary(uniqueKeysWithValues: allCases.map {
        ($0, PackedSpans.code(of: $0.rawValue)!)  // Safe: every type has a code (PackedSpanTests).
    })

    /// The type's code in the packed span store.
    var code: UInt8 { Self.codes[self]! }  // Safe: built from allCases.

    /// The type of a packed span's code.
    init?(code: UInt8) {
        guard Int(code) < Self.byCode.count, let type = Self.byCode[Int(code)] else { return nil }
        self = type
    }

    /// The name of a code (`pii_spans.pii_type`), `PII` for a code this build does not know.
    static func name(ofCode code: UInt8) -> String { PIIType(code: code)?.rawValue ?? "PII" }
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
