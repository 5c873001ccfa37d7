internal import Glibc
internal import COpenSSL

/// Bytes that are wiped when released: passphrases, derived keys, raw key specs.
///
/// Never printed: `description` is redacted, so a secret cannot leak through string
/// interpolation into a message or a log.
public final class SecureBytes: @unchecked Sendable, CustomStringConvertible {
    // Safe to share: the buffer is written only in `init` and read afterwards.
    private let buffer: UnsafeMutableBufferPointer<UInt8>

    /// Copies `bytes`; the caller's copy is the caller's to wipe.
    public init<Bytes: Collection>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        buffer = .allocate(capacity: max(bytes.count, 1))
        _ = buffer.initialize(from: bytes)
        count = bytes.count
    }

    init(count: Int, fill: (UnsafeMutableBufferPointer<UInt8>) throws -> Void) rethrows {
        buffer = .allocate(capacity: max(count, 1))
        buffer.initialize(repeating: 0)
        self.count = count
        try fill(UnsafeMutableBufferPointer(rebasing: buffer[0..<count]))
    }

    public let count: Int

    deinit {
        explicit_bzero(buffer.baseAddress!, buffer.count)  // Safe: allocated with capacity >= 1.
        buffer.deallocate()
    }

    /// Lends the bytes; they must not escape `body`.
    public func withUnsafeBytes<T>(_ body: (UnsafeRawBufferPointer) throws -> T) rethrows -> T {
        try body(UnsafeRawBufferPointer(start: buffer.baseAddress, count: count))
    }

    public var description: String { "<\(count) secret bytes>" }
}

/// A database passphrase: the `TRCAA_DB_KEY` value or the `.dbkey` contents, used verbatim as
/// SQLCipher's `PRAGMA key` string.
public typealias Passphrase = SecureBytes

extension SecureBytes {
    /// A passphrase from a string, as `PRAGMA key = '<string>'` would receive it.
    public convenience init(passphrase: String) { self.init(Array(passphrase.utf8)) }

    /// `count` bytes from OpenSSL's CSPRNG (seeded from the operating system).
    static func random(count: Int) -> SecureBytes {
        SecureBytes(count: count) { buffer in
            guard count > 0, RAND_bytes(buffer.baseAddress, Int32(count)) == 1 else {
                fatalError("the system random number generator failed")
            }
        }
    }

    /// Lowercase hexadecimal of the bytes, itself secret.
    func hex() -> SecureBytes {
        let digits = Array("0123456789abcdef".utf8)
        return SecureBytes(count: count * 2) { out in
            withUnsafeBytes { bytes in
                for (index, byte) in bytes.enumerated() {
                    out[2 * index] = digits[Int(byte >> 4)]
                    out[2 * index + 1] = digits[Int(byte & 0x0F)]
                }
            }
        }
    }
}
