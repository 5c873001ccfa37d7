/// A value found in a log and how often: one row of "top values".
public struct ValueCount: Sendable, Equatable {
    public var value: String
    public var count: Int
    /// 1-based.
    public var firstLine: Int
}

extension LogService {
    /// The most frequent values of PII type `type` in a log (the top source addresses of a
    /// brute force), most frequent first, ties in order of first appearance; and how many
    /// distinct values there are in all.
    public func topValues(_ id: String, type: String, limit: Int = 100) throws -> (values: [ValueCount], distinct: Int) {
        var counts: [String: ValueCount] = [:]
        for span in try spans(id, type: type) {
            counts[span.value, default: ValueCount(value: span.value, count: 0, firstLine: span.line ?? 0)].count += 1
        }
        let ranked = counts.values.sorted { ($0.count, -$0.firstLine) > ($1.count, -$1.firstLine) }
        return (Array(ranked.prefix(limit)), counts.count)
    }
}
