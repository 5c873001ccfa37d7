/// SQLCipher settings of a database file, issued right after the key.
public struct CipherSettings: Sendable, Equatable {
    public var pageSize: Int
    public var kdfIterations: Int
    public var hmacAlgorithm: String
    public var kdfAlgorithm: String

    /// trcaa's files: SQLCipher 4 defaults with an explicit 4096-byte page (SPEC §2).
    public static let trcaa = CipherSettings(
        pageSize: 4096, kdfIterations: 256_000, hmacAlgorithm: "HMAC_SHA512", kdfAlgorithm: "PBKDF2_HMAC_SHA512")

    /// Files of the original desktop app: the same, with 16 KiB pages.
    public static let originalApp = CipherSettings(
        pageSize: 16384, kdfIterations: 256_000, hmacAlgorithm: "HMAC_SHA512", kdfAlgorithm: "PBKDF2_HMAC_SHA512")

    /// The PRAGMA statements, for the main database or an attached `schema`.
    func pragmas(schema: String? = nil) -> [String] {
        let prefix = schema.map { "\($0)." } ?? ""
        return [
            "PRAGMA \(prefix)cipher_page_size = \(pageSize)",
            "PRAGMA \(prefix)kdf_iter = \(kdfIterations)",
            "PRAGMA \(prefix)cipher_hmac_algorithm = \(hmacAlgorithm)",
            "PRAGMA \(prefix)cipher_kdf_algorithm = \(kdfAlgorithm)",
        ]
    }

    /// Length of the KDF salt SQLCipher keeps in the first bytes of the file.
    static let saltLength = 16
    /// Length of the AES-256 key.
    static let keyLength = 32
}
