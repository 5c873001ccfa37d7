/// How a store's full-text index is queried: the query language and the ranking statements
/// of `issues_fts` and `evidence_fts`.
///
/// Both candidate statements take the same parameters: ?1 the rendered query, ?2 how many of
/// the most recent matches are scored (a dialect may look among the newest rows only for a
/// common query, to bound the work), ?3 how many of those are returned, best first. A
/// score is lower for a better match; a key names the index row, opaque to the caller.
public protocol FullTextDialect: Sendable {
    /// `query` in the index's query language, bound as ?1 of the candidate statements.
    func render(_ query: FullTextQuery) -> String
    /// Issue matches as rows (key, score, issue id); title matches weigh `titleWeight` times
    /// description matches.
    func issueCandidates(titleWeight: Double) -> String
    /// Matches in the text around issues as rows (key, score, issue id, source); scores are
    /// multiplied by `weight`.
    func evidenceCandidates(weight: Double) -> String
    /// Rows (key, text) of the `evidence_fts` rows whose keys are in the JSON array ?1.
    var evidenceTexts: String { get }
    /// The index's explanation when `error` comes from the query's syntax; `nil` for any
    /// other failure.
    func syntaxErrorMessage(_ error: StoreError) -> String?
}
