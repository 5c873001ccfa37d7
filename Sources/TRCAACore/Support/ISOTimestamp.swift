import Foundation

/// A timestamp field kept as the schema stores it — text (`2025-01-15 10:00:00`, the
/// timeline's `… UTC`) or the documents' epoch milliseconds — and written to JSON in one form
/// for every type: ISO 8601 in UTC (`2025-01-15T10:00:00Z`), `null` when there is none. A value
/// that is not a timestamp is written as stored. Decoding reads the stored form.
@propertyWrapper
public struct ISOTimestamp<Value: StoredTimestamp>: Sendable, Equatable, Codable {
    public var wrappedValue: Value

    public init(wrappedValue: Value) { self.wrappedValue = wrappedValue }

    public init(from decoder: any Decoder) throws { wrappedValue = try Value(from: decoder) }

    public func encode(to encoder: any Encoder) throws {
        guard let date = wrappedValue.date else { return try wrappedValue.encode(to: encoder) }
        var container = encoder.singleValueContainer()
        try container.encode(Timestamp.iso8601(date))
    }
}

/// The forms a timestamp column takes in the schema.
public protocol StoredTimestamp: Codable, Sendable, Equatable {
    /// The instant, when the value holds one.
    var date: Date? { get }
}

extension String: StoredTimestamp {
    /// `YYYY-MM-DD HH:MM:SS` in UTC, with or without ` UTC`.
    public var date: Date? { Timestamp.parse(self) }
}

extension Int64: StoredTimestamp {
    /// Milliseconds since the epoch.
    public var date: Date? { Date(timeIntervalSince1970: Double(self) / 1000) }
}

extension Optional: StoredTimestamp where Wrapped: StoredTimestamp {
    public var date: Date? { self?.date }
}
