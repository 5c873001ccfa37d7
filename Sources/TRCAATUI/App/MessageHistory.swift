import Foundation

/// The messages the status bar showed, whole and with their time, newest last. The status
/// bar cuts a message to its width and lets it go; the message log (`@`) keeps it.
public struct MessageHistory: Sendable, Equatable {
    /// One message as it was shown.
    public struct Entry: Sendable, Equatable {
        public var time: Date
        public var text: String
        public var isError: Bool
    }

    public private(set) var entries: [Entry] = []
    /// The most kept: a session is long, a message is short.
    public static let limit = 500

    public init() {}

    mutating func record(_ text: String, isError: Bool, at time: Date) {
        entries.append(Entry(time: time, text: text, isError: isError))
        if entries.count > Self.limit { entries.removeFirst(entries.count - Self.limit) }
    }
}
