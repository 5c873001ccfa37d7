import Foundation
import TRCAAStore

/// The baseline every open-cost figure is read against: PBKDF2-HMAC-SHA512 with 256 000
/// iterations of `key` and the salt in the first 16 bytes of the database file, alone, as trcaa
/// runs it (`PBKDF2SHA512`: 89 ms here, against 130 ms for libcrypto's `PKCS5_PBKDF2_HMAC`). A
/// server store (`databasePath` nil) derives its content key's wrapping key the same way under
/// a salt kept on the server; any 16 bytes take as long.
enum KeyDerivationBaseline {
    static func measure(_ name: String = "PBKDF2-HMAC-SHA512 x256000 alone (the key derivation)",
                        key: String, databasePath: String?, runs: Int) throws -> Samples {
        let salt = try databasePath.map { Array(try Data(contentsOf: URL(fileURLWithPath: $0)).prefix(16)) }
            ?? [UInt8](repeating: 0x5A, count: 16)
        return Samples.measure(name, runs: runs) {
            var out = [UInt8](repeating: 0, count: 32)
            Array(key.utf8).withUnsafeBytes { password in
                out.withUnsafeMutableBufferPointer { PBKDF2SHA512.derive(password: password, salt: salt, iterations: 256_000, into: $0) }
            }
        }
    }
}
