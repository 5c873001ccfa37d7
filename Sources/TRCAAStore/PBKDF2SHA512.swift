internal import COpenSSL
internal import Glibc

/// PBKDF2-HMAC-SHA512 for keys of up to 64 bytes (one PBKDF2 block), SQLCipher's KDF, on
/// libcrypto's SHA-512 block function. The HMAC key's inner and outer states are computed
/// once; each later iteration is then two compressions of one block, where
/// `PKCS5_PBKDF2_HMAC` copies and finalizes two HMAC contexts: 89 against 130 ms for the
/// 256 000 iterations of every open here. Tests hold it to `PKCS5_PBKDF2_HMAC`.
package enum PBKDF2SHA512 {
    package static let maximumKeyLength = Int(SHA512_DIGEST_LENGTH)

    /// Fills `key` (at most `maximumKeyLength` bytes) from `password` and `salt`.
    package static func derive(password: UnsafeRawBufferPointer, salt: [UInt8], iterations: Int, into key: UnsafeMutableBufferPointer<UInt8>) {
        precondition(iterations >= 1 && key.count <= maximumKeyLength, "one PBKDF2 block, one iteration at least")
        var inner = SHA512_CTX(), outer = SHA512_CTX(), state = SHA512_CTX()
        // The HMAC key block, then each iteration's message: the last U, padding, bit length.
        var block = [UInt8](repeating: 0, count: 128)
        var sum = [UInt64](repeating: 0, count: 8)
        defer {
            wipe(&inner)
            wipe(&outer)
            wipe(&state)
            block.withUnsafeMutableBytes { explicit_bzero($0.baseAddress!, $0.count) }  // Safe: not empty.
            sum.withUnsafeMutableBytes { explicit_bzero($0.baseAddress!, $0.count) }
        }
        block.withUnsafeMutableBytes { block in
            if password.count > block.count {
                _ = SHA512(password.baseAddress?.assumingMemoryBound(to: UInt8.self), password.count,
                           block.baseAddress!.assumingMemoryBound(to: UInt8.self))  // Safe: 128 bytes.
            } else {
                block.copyMemory(from: password)
            }
        }
        SHA512_Init(&inner)
        SHA512_Init(&outer)
        for i in block.indices { block[i] ^= 0x36 }
        SHA512_Update(&inner, block, 128)
        for i in block.indices { block[i] ^= 0x36 ^ 0x5C }
        SHA512_Update(&outer, block, 128)

        // U1 = HMAC(salt ‖ INT(1)), into the block as the next message.
        state = inner
        SHA512_Update(&state, salt, salt.count)
        SHA512_Update(&state, [0, 0, 0, 1] as [UInt8], 4)  // INT(1), big-endian
        SHA512_Final(&block, &state)
        state = outer
        SHA512_Update(&state, block, 64)
        SHA512_Final(&block, &state)
        block.withUnsafeBytes { for i in 0..<8 { sum[i] = UInt64(bigEndian: $0.loadUnaligned(fromByteOffset: 8 * i, as: UInt64.self)) } }
        // A 64-byte message after the 128-byte key block: 0x80, zeros, 1536 bits.
        for i in 64..<128 { block[i] = 0 }
        block[64] = 0x80
        block[126] = 0x06

        for _ in 1..<iterations {
            state = inner
            SHA512_Transform(&state, block)
            store(&state, into: &block)
            state = outer
            SHA512_Transform(&state, block)
            store(&state, into: &block)
            withUnsafeBytes(of: &state.h) { for i in 0..<8 { sum[i] ^= $0.load(fromByteOffset: 8 * i, as: UInt64.self) } }
        }
        sum.withUnsafeMutableBufferPointer { words in
            for i in 0..<8 { words[i] = words[i].bigEndian }
            UnsafeMutableRawBufferPointer(key).copyMemory(from: UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(words)[..<key.count]))
        }
    }

    /// The state's hash words, big-endian, as the first 64 bytes of `block` (the state is
    /// lent, not copied: no copy of it is left unwiped).
    private static func store(_ state: inout SHA512_CTX, into block: inout [UInt8]) {
        withUnsafeBytes(of: &state.h) { words in
            block.withUnsafeMutableBytes { bytes in
                for i in 0..<8 { bytes.storeBytes(of: words.load(fromByteOffset: 8 * i, as: UInt64.self).bigEndian, toByteOffset: 8 * i, as: UInt64.self) }
            }
        }
    }

    private static func wipe(_ state: inout SHA512_CTX) {
        withUnsafeMutableBytes(of: &state) { explicit_bzero($0.baseAddress!, $0.count) }  // Safe: not empty.
    }
}
