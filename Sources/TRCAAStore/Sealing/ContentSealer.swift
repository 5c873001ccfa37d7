/// Seals what a team store keeps encrypted (log text, image bytes, document bodies, reviewed
/// PII values, pattern templates) and opens it again. Every value is bound to its cell — table,
/// column and row — so the server can neither read a value nor move one to another row.
public struct ContentSealer: Sendable {
    let key: ContentKey

    public init(key: ContentKey) { self.key = key }

    /// The first byte of a sealed value: the format, for a later change of cipher.
    static let version: UInt8 = 1
    /// What starts a sealed value kept in a text column.
    static let textPrefix = "trcaa:v1:"

    /// `version | nonce | ciphertext | tag`.
    public func seal(_ bytes: [UInt8], for cell: BlobCell) -> [UInt8] {
        var sealed = [Self.version]
        bytes.withUnsafeBytes { AESGCM.seal($0, key: key.secret, associatedData: cell.associatedData, appendingTo: &sealed) }
        return sealed
    }

    /// The bytes `seal(_:for:)` sealed for the same cell.
    ///
    /// - throws: `StoreError.damaged` (reported as damage) when they were altered, moved from
    ///   another cell, or not sealed with this store's key.
    public func open(_ sealed: [UInt8], for cell: BlobCell) throws -> [UInt8] {
        guard sealed.first == Self.version, sealed.count >= 1 + AESGCM.overhead else { throw Self.notSealed(cell) }
        var plain = [UInt8](repeating: 0, count: sealed.count - 1 - AESGCM.overhead)
        let opened = sealed.withUnsafeBytes { sealed in
            plain.withUnsafeMutableBytes {
                AESGCM.open(UnsafeRawBufferPointer(rebasing: sealed.dropFirst()), key: key.secret,
                            associatedData: cell.associatedData, into: $0)
            }
        }
        guard opened else { throw Self.notSealed(cell) }
        return plain
    }

    /// `text` sealed for a text column: `trcaa:v1:` and the sealed bytes in base64.
    public func seal(text: String, for cell: BlobCell) -> String {
        Self.textPrefix + Base64.encode(seal(Array(text.utf8), for: cell))
    }

    /// The text `seal(text:for:)` sealed for the same cell.
    ///
    /// - throws: `StoreError.damaged` as `open(_:for:)` does, also for text not in that form.
    public func open(text: String, for cell: BlobCell) throws -> String {
        guard text.hasPrefix(Self.textPrefix), let sealed = Base64.decode(text.dropFirst(Self.textPrefix.count)) else {
            throw Self.notSealed(cell)
        }
        return String(decoding: try open(sealed, for: cell), as: UTF8.self)
    }

    static func notSealed(_ cell: BlobCell) -> StoreError {
        .damaged("the sealed \(cell.table).\(cell.column) of \(cell.keyColumn) \(cell.keyText) does not open with this store's key: "
            + "it was altered on the server, moved from another row, or not written by trcaa")
    }
}

extension BlobCell {
    /// The key as text, as associated data and messages show it.
    var keyText: String {
        switch key {
        case .text(let text): text
        case .integer(let number): String(number)
        case .real(let number): String(number)
        case .blob(let bytes): Base64.encode(bytes)
        case .null: "NULL"
        }
    }

    /// What binds a sealed value to this cell.
    var associatedData: [UInt8] {
        Array("trcaa sealed v1|\(table).\(column)|\(keyColumn)=\(keyText)".utf8)
    }
}
