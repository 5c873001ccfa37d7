internal import COpenSSL

/// The key that seals a team store's content before it leaves the client: 32 random bytes,
/// created once per store. The server keeps it only wrapped under a key derived from
/// `TRCAA_DB_KEY` (PBKDF2-HMAC-SHA512 with the seed's 256 000 rounds and a salt of its own), so
/// everyone who has the passphrase opens the same content and the server opens none.
public final class ContentKey: Sendable {
    let secret: SecureBytes

    private init(secret: SecureBytes) { self.secret = secret }

    /// A new random key.
    public static func generate() -> ContentKey {
        ContentKey(secret: .random(count: CipherSettings.keyLength))
    }

    /// The key as the server may keep it: sealed under `passphrase` with a new salt.
    public func wrapped(under passphrase: Passphrase, iterations: Int = WrappedContentKey.defaultIterations) throws -> WrappedContentKey {
        let salt = SecureBytes.random(count: CipherSettings.saltLength).withUnsafeBytes { Array($0) }
        let wrapping = try KeyDerivation.derive(from: passphrase, salt: salt, iterations: iterations,
                                                algorithm: WrappedContentKey.algorithm)
        var sealed: [UInt8] = []
        secret.withUnsafeBytes { AESGCM.seal($0, key: wrapping, associatedData: WrappedContentKey.associatedData, appendingTo: &sealed) }
        return WrappedContentKey(iterations: iterations, salt: salt, sealedKey: sealed)
    }

    /// Unwraps the key kept by a store, named `store` in errors.
    ///
    /// - throws: `StoreError.wrongKey` when `passphrase` is not the one it was wrapped under.
    public convenience init(unwrapping wrapped: WrappedContentKey, with passphrase: Passphrase, store: String) throws {
        let wrapping = try KeyDerivation.derive(from: passphrase, salt: wrapped.salt, iterations: wrapped.iterations,
                                                algorithm: WrappedContentKey.algorithm)
        var opened = false
        let secret = SecureBytes(count: CipherSettings.keyLength) { out in
            opened = wrapped.sealedKey.withUnsafeBytes {
                AESGCM.open($0, key: wrapping, associatedData: WrappedContentKey.associatedData, into: UnsafeMutableRawBufferPointer(out))
            }
        }
        guard opened else { throw StoreError.wrongKey(path: store) }
        self.init(secret: secret)
    }
}

/// A content key as a store keeps it, in the text form
/// `v1:<iterations>:<salt, base64>:<nonce | sealed key | tag, base64>`.
public struct WrappedContentKey: Sendable, Equatable, CustomStringConvertible {
    /// The seed's PBKDF2 rounds (SPEC §2), as SQLCipher's own key derivation uses.
    public static let defaultIterations = CipherSettings.trcaa.kdfIterations
    /// More than any key would be wrapped with (35 s of PBKDF2 here): a count past it
    /// comes from a damaged or hostile row, which would otherwise hold the open for ever.
    static let maximumIterations = 100_000_000
    static let algorithm = CipherSettings.trcaa.kdfAlgorithm
    static let associatedData = Array("trcaa content key v1".utf8)

    public let iterations: Int
    let salt: [UInt8]
    let sealedKey: [UInt8]

    init(iterations: Int, salt: [UInt8], sealedKey: [UInt8]) {
        self.iterations = iterations
        self.salt = salt
        self.sealedKey = sealedKey
    }

    /// Reads the text form; `nil` when `text` is not one.
    public init?(_ text: String) {
        let fields = text.split(separator: ":", omittingEmptySubsequences: false)
        guard fields.count == 4, fields[0] == "v1", let iterations = Int(fields[1]), (1...Self.maximumIterations).contains(iterations),
              let salt = Base64.decode(fields[2]), salt.count == CipherSettings.saltLength,
              let sealedKey = Base64.decode(fields[3]), sealedKey.count == CipherSettings.keyLength + AESGCM.overhead
        else { return nil }
        self.init(iterations: iterations, salt: salt, sealedKey: sealedKey)
    }

    /// The text form (it holds no secret: the key inside is sealed).
    public var description: String {
        "v1:\(iterations):\(Base64.encode(salt)):\(Base64.encode(sealedKey))"
    }
}
