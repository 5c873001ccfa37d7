internal import COpenSSL

/// Derives keys from a passphrase with PBKDF2: SQLCipher's page key, once per open, and the key
/// that wraps a team store's content key.
///
/// SQLCipher would run the same PBKDF2 itself for `PRAGMA key`; doing it here lets trcaa hand
/// the derived key to two connections (a read-only probe that checks the key without touching
/// the WAL, then the real connection) while paying the ~100 ms KDF once. The file is the same
/// as one keyed with `PRAGMA key = '<passphrase>'`, so the `sqlcipher` shell opens it that way.
enum KeyDerivation {
    /// PBKDF2 with the settings' digest and iteration count over `salt`.
    static func pageKey(for passphrase: Passphrase, salt: [UInt8], settings: CipherSettings) throws -> SecureBytes {
        try derive(from: passphrase, salt: salt, iterations: settings.kdfIterations, algorithm: settings.kdfAlgorithm)
    }

    /// `CipherSettings.keyLength` bytes of PBKDF2 (`algorithm` names it as SQLCipher does);
    /// SHA-512, SQLCipher 4's default, by `PBKDF2SHA512`.
    static func derive(from passphrase: Passphrase, salt: [UInt8], iterations: Int, algorithm: String) throws -> SecureBytes {
        let digest: OpaquePointer
        switch algorithm {
        case "PBKDF2_HMAC_SHA512":
            return SecureBytes(count: CipherSettings.keyLength) { out in
                passphrase.withUnsafeBytes { PBKDF2SHA512.derive(password: $0, salt: salt, iterations: iterations, into: out) }
            }
        case "PBKDF2_HMAC_SHA256": digest = EVP_sha256()
        case "PBKDF2_HMAC_SHA1": digest = EVP_sha1()
        default: throw StoreError.cipherUnavailable(found: "unsupported KDF \(algorithm)")
        }
        return try SecureBytes(count: CipherSettings.keyLength) { out in
            let ok = passphrase.withUnsafeBytes { pass in
                PKCS5_PBKDF2_HMAC(
                    pass.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(pass.count),
                    salt, Int32(salt.count), Int32(iterations), digest,
                    Int32(out.count), out.baseAddress)
            }
            guard ok == 1 else { throw StoreError.cipherUnavailable(found: "PBKDF2 failed in libcrypto") }
        }
    }

    /// SQLCipher's raw key form `x'<key hex><salt hex>'`, which keys without running the KDF.
    static func rawKeySpec(pageKey: SecureBytes, salt: [UInt8]) -> SecureBytes {
        let keyHex = pageKey.hex()
        let saltHex = SecureBytes(salt).hex()
        return SecureBytes(count: 3 + keyHex.count + saltHex.count) { out in
            out[0] = UInt8(ascii: "x")
            out[1] = UInt8(ascii: "'")
            keyHex.withUnsafeBytes { bytes in for (i, byte) in bytes.enumerated() { out[2 + i] = byte } }
            saltHex.withUnsafeBytes { bytes in for (i, byte) in bytes.enumerated() { out[2 + keyHex.count + i] = byte } }
            out[out.count - 1] = UInt8(ascii: "'")
        }
    }
}
