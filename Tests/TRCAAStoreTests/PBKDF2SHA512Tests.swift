import COpenSSL
import Testing
@testable import TRCAAStore

/// The KDF of every open, held to libcrypto's own PBKDF2.
struct PBKDF2SHA512Tests {
    /// Passwords shorter than, as long as and longer than HMAC's 128-byte key block (longer
    /// ones are hashed first), one iteration and many, and keys of several lengths.
    @Test(arguments: [(0, 1), (1, 1), (5, 2), (127, 3), (128, 1000), (129, 3), (300, 17)])
    func derivesWhatLibcryptoDerives(passwordLength: Int, iterations: Int) {
        let password = (0..<passwordLength).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        let salt = (0..<16).map { UInt8($0 * 13) }
        for keyLength in [32, 64, 20] {
            var expected = [UInt8](repeating: 0, count: keyLength)
            let ok = password.withUnsafeBytes { pass in
                PKCS5_PBKDF2_HMAC(pass.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(pass.count), salt, Int32(salt.count),
                                  Int32(iterations), EVP_sha512(), Int32(keyLength), &expected)
            }
            #expect(ok == 1)
            var derived = [UInt8](repeating: 0, count: keyLength)
            password.withUnsafeBytes { pass in
                derived.withUnsafeMutableBufferPointer { PBKDF2SHA512.derive(password: pass, salt: salt, iterations: iterations, into: $0) }
            }
            #expect(derived == expected, "password of \(passwordLength) bytes, \(iterations) iterations, key of \(keyLength)")
        }
    }
}
