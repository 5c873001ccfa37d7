import PostgresNIO
import TRCAAStore

/// A statement of a `PostgresStoreConnection`. Nothing reaches the server until the first
/// `step`, which runs the statement and keeps all its rows; later steps walk them.
final class PostgresStatement: StoreStatement {
    let sql: String
    private let connection: PostgresStoreConnection
    private let rewrite: PlaceholderRewrite
    private var values: [SQLValue] = []
    private var rows: [PostgresRandomAccessRow]?
    private var position = -1
    /// Known once the statement has run and returned a row (as `Row` needs them only then).
    private(set) var columnNames: [String] = []

    init(connection: PostgresStoreConnection, sql: String, rewrite: PlaceholderRewrite) {
        self.connection = connection
        self.sql = sql
        self.rewrite = rewrite
    }

    func bind(_ values: [SQLValue]) throws {
        reset()
        try PostgresStoreConnection.checkArgumentCount(values, rewrite, sql: sql)
        self.values = values
    }

    func bind(_ value: SQLValue, at index: Int32) throws {
        reset()
        guard index >= 1, index <= rewrite.parameterCount else {
            throw StoreError.server(ServerFailure(
                sqlState: "07001", message: "no parameter \(index) (there are \(rewrite.parameterCount))", sql: sql))
        }
        values = allValues
        values[Int(index) - 1] = value
    }

    /// The bound values, NULL for parameters not bound (as SQLite leaves them).
    private var allValues: [SQLValue] {
        values + Array(repeating: .null, count: max(0, rewrite.parameterCount - values.count))
    }

    func step() throws -> Bool {
        if rows == nil {
            let result = try connection.run(sql, PostgresValues.bindings(allValues))
            rows = result.rows.map { $0.makeRandomAccess() }
            columnNames = result.rows.first.map { $0.map(\.columnName) } ?? columnNames
            position = -1
        }
        position += 1
        return position < rows!.count  // Safe: set above.
    }

    func reset() {
        rows = nil
        position = -1
    }

    func value(at column: Int32) -> SQLValue {
        guard let rows, rows.indices.contains(position), rows[position].indices.contains(Int(column)) else { return .null }
        return PostgresValues.value(rows[position][Int(column)])
    }

    /// As SQLite converts: numbers printed, BLOBs read as UTF-8, NULL empty.
    func text(at column: Int32) -> String {
        switch value(at: column) {
        case .null: ""
        case .integer(let number): String(number)
        case .real(let number): String(number)
        case .text(let string): string
        case .blob(let bytes): String(decoding: bytes, as: UTF8.self)
        }
    }

    /// As SQLite converts: reals truncated, text read as a number where it is one, else 0.
    func int64(at column: Int32) -> Int64 {
        switch value(at: column) {
        case .integer(let number): number
        case .real(let number): Int64(exactly: number.rounded(.towardZero)) ?? (number < 0 ? .min : .max)
        case .text(let string): Int64(string) ?? Double(string).map { Int64(exactly: $0.rounded(.towardZero)) ?? 0 } ?? 0
        case .null, .blob: 0
        }
    }

    func double(at column: Int32) -> Double {
        switch value(at: column) {
        case .integer(let number): Double(number)
        case .real(let number): number
        case .text(let string): Double(string) ?? 0
        case .null, .blob: 0
        }
    }

    func withBlob<T>(at column: Int32, _ body: (UnsafeRawBufferPointer) throws -> T) rethrows -> T {
        switch value(at: column) {
        case .blob(let bytes): try bytes.withUnsafeBytes(body)
        case .text(let string): try Array(string.utf8).withUnsafeBytes(body)
        default: try body(UnsafeRawBufferPointer(start: nil, count: 0))
        }
    }
}
