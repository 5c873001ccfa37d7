extension Database {
    /// `value` as the store keeps it in `cell`: on a store that seals content, a BLOB sealed in
    /// segments (as `writeBlob` writes it) and text as `trcaa:v1:…`; elsewhere, and for NULL,
    /// `value` itself.
    public func sealed(_ value: SQLValue, for cell: BlobCell) -> SQLValue {
        guard let contentSealer else { return value }
        switch value {
        case .blob(let bytes): return .blob(Array(contentSealer.sealSegments([bytes], for: cell).joined()))
        case .text(let text): return .text(contentSealer.seal(text: text, for: cell))
        case .null, .integer, .real: return value
        }
    }

    /// A value of `cell` as read from the store, opened: what was given to `sealed(_:for:)`.
    ///
    /// - throws: `StoreError.damaged` when a sealed value does not open (altered on the server,
    ///   moved from another row, sealed under another key, or not sealed at all).
    public func opened(_ value: SQLValue, for cell: BlobCell) throws -> SQLValue {
        guard let contentSealer else { return value }
        switch value {
        case .blob(let bytes): return .blob(try contentSealer.openSegments(bytes, for: cell))
        case .text(let text): return .text(try contentSealer.open(text: text, for: cell))
        case .null: return .null
        case .integer, .real: throw ContentSealer.notSealed(cell)
        }
    }

    /// The sealed `column` of `row`, the value of `cell`, opened and decoded as `T`.
    ///
    /// - throws: `StoreError.damaged` as `opened(_:for:)`; `.decoding` as `Row.decode`.
    public func decodeSealed<T: SQLDecodable>(_ column: String, of row: Row, cell: BlobCell, as type: T.Type = T.self) throws -> T {
        let value = try opened(row[column], for: cell)
        return try Row(columnNames: [column], values: [value], sql: row.sql).decode(at: 0)
    }
}
