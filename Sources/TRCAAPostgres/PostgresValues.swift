import Foundation
import NIOCore
import PostgresNIO
import TRCAAStore

/// How `SQLValue`s travel to and from PostgreSQL (plan §0.4): the five SQLite storage classes
/// on one side, PostgreSQL's types on the other.
enum PostgresValues {
    /// Binds: integers as int8, reals as float8, BLOBs as bytea; text and NULL untyped, so the
    /// server infers their type from where they stand, as SQLite accepts a text argument
    /// against a number column.
    static func bindings(_ values: [SQLValue]) -> PostgresBindings {
        var bindings = PostgresBindings(capacity: values.count)
        for value in values {
            switch value {
            case .null: bindings.appendNull()
            case .integer(let number): bindings.append(number)
            case .real(let number): bindings.append(number)
            case .text(let string): bindings.append(UntypedText(string: string))
            case .blob(let bytes): bindings.append(ByteBuffer(bytes: bytes))
            }
        }
        return bindings
    }

    /// A result cell as SQLite would have given it: booleans and integral numerics as integers,
    /// integer and float types as such, bytea as a BLOB, text-like types as text. Any other
    /// type comes as the BLOB of its binary wire form (the store's schema has none).
    static func value(_ cell: PostgresCell) -> SQLValue {
        guard var buffer = cell.bytes else { return .null }
        switch cell.dataType {
        case .bool: return .integer(buffer.readInteger(as: UInt8.self).map { $0 == 0 ? 0 : 1 } ?? 0)
        case .int2: return .integer(Int64(buffer.readInteger(as: Int16.self) ?? 0))
        case .int4: return .integer(Int64(buffer.readInteger(as: Int32.self) ?? 0))
        case .int8: return .integer(buffer.readInteger(as: Int64.self) ?? 0)
        case .oid: return .integer(Int64(buffer.readInteger(as: UInt32.self) ?? 0))
        case .float4: return .real(Double(Float(bitPattern: buffer.readInteger(as: UInt32.self) ?? 0)))
        case .float8: return .real(Double(bitPattern: buffer.readInteger(as: UInt64.self) ?? 0))
        case .numeric: return numeric(cell)
        case .bytea: return .blob(Array(buffer.readableBytesView))
        case .jsonb:
            buffer.moveReaderIndex(forwardBy: min(1, buffer.readableBytes))  // the format version byte
            return .text(String(decoding: buffer.readableBytesView, as: UTF8.self))
        case .text, .varchar, .bpchar, .name, .char, .json, .unknown:
            return .text(String(decoding: buffer.readableBytesView, as: UTF8.self))
        default:
            return .blob(Array(buffer.readableBytesView))
        }
    }

    /// `sum()` of integers is numeric on PostgreSQL: an integer when it is whole and fits.
    private static func numeric(_ cell: PostgresCell) -> SQLValue {
        guard let decimal = try? cell.decode(Decimal.self) else { return .null }
        let text = decimal.description
        if let integer = Int64(text) { return .integer(integer) }
        return .real(Double(text) ?? .nan)
    }
}

/// A text parameter with no type (OID 0), sent in text format: the server decides its type.
private struct UntypedText: PostgresDynamicTypeEncodable {
    let string: String
    var psqlType: PostgresDataType { .null }
    var psqlFormat: PostgresFormat { .text }

    func encode<JSONEncoder: PostgresJSONEncoder>(into buffer: inout ByteBuffer, context: PostgresEncodingContext<JSONEncoder>) {
        buffer.writeString(string)
    }
}
