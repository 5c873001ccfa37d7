import TRCAAStore

/// One issue found by a search, with the best-matching passage.
public struct SearchResult: Sendable, Equatable {
    public var summary: IssueSummary
    /// Where the best match is: `issue` (title or description), `why`, `timeline`, `log`, `image`.
    public var source: String
    /// The matching passage; matched terms are between `highlightStart` and `highlightEnd`.
    public var snippet: String
    /// bm25 score (lower is better).
    public var rank: Double

    public static let highlightStart: Character = "\u{2}"
    public static let highlightEnd: Character = "\u{3}"

    /// The snippet with the matched terms in `[` `]`, for plain text output.
    public var bracketedSnippet: String {
        String(snippet.map { $0 == Self.highlightStart ? "[" : $0 == Self.highlightEnd ? "]" : $0 })
    }
}

extension SearchResult: Encodable {
    enum ExtraKeys: String, CodingKey { case source, snippet, rank }

    public func encode(to encoder: any Encoder) throws {
        try summary.encode(to: encoder)
        var container = encoder.container(keyedBy: ExtraKeys.self)
        try container.encode(source, forKey: .source)
        try container.encode(bracketedSnippet, forKey: .snippet)
        try container.encode(rank, forKey: .rank)
    }
}

/// Full-text search over issues (title and description, via `issues_fts`) and the text around
/// them — 5-Whys, timeline descriptions, attachment names (via `evidence_fts`) — with bm25
/// ranking and one result per issue (SPEC §8).
public struct SearchService {
    let context: ServiceContext

    public init(context: ServiceContext) { self.context = context }

    /// Title matches weigh ten times description matches; matches in the text around an issue
    /// count half as much as matches in the issue itself.
    static let titleWeight = 10.0
    static let evidenceWeight = 0.5

    /// The best `limit` issues for `query`, best first.
    ///
    /// Two steps keep common words cheap: the top candidates by bm25 from each index (ids and
    /// scores only), merged to one per issue; then snippets and rows for those alone.
    ///
    /// - throws: `TriageError.searchSyntax` for malformed FTS5 syntax.
    public func search(_ query: String, limit: Int = 50) throws -> [SearchResult] {
        guard let match = FTSQuery.make(query), limit > 0 else { return [] }
        let db = context.database
        do {
            var best: [String: (source: String, rowid: Int64, rank: Double)] = [:]
            let issueHits = try db.cachedStatement("""
                SELECT issues_fts.rowid, issues.id, bm25(issues_fts, 0.0, \(Self.titleWeight), 1.0) AS score
                FROM issues_fts JOIN issues ON issues.rowid = issues_fts.rowid
                WHERE issues_fts MATCH ?1 ORDER BY score LIMIT ?2
                """).rows([.text(match), .integer(Int64(limit))])
            for hit in issueHits {
                best[try hit.decode("id")] = ("issue", try hit.decode(at: 0), try hit.decode("score"))
            }
            let evidenceHits = try db.cachedStatement("""
                SELECT rowid, issue_id, source, bm25(evidence_fts) * \(Self.evidenceWeight) AS score
                FROM evidence_fts WHERE evidence_fts MATCH ?1 ORDER BY score LIMIT ?2
                """).rows([.text(match), .integer(Int64(limit * 4))])
            for hit in evidenceHits {
                let issueId: String = try hit.decode("issue_id")
                let score: Double = try hit.decode("score")
                if best[issueId].map({ score < $0.rank }) ?? true {
                    best[issueId] = (try hit.decode("source"), try hit.decode(at: 0), score)
                }
            }
            let issues = IssueService(context: context)
            return try best.sorted { $0.value.rank < $1.value.rank || ($0.value.rank == $1.value.rank && $0.key < $1.key) }
                .prefix(limit).map { issueId, hit in
                    SearchResult(summary: try issues.summary(issueId), source: hit.source,
                                 snippet: try snippet(of: hit.rowid, in: hit.source == "issue" ? "issues_fts" : "evidence_fts",
                                                      match: match),
                                 rank: hit.rank)
                }
        } catch StoreError.sqlite(let failure) where failure.code == 1 {
            // The statements are fixed; a plain SQLITE_ERROR while matching comes from the query.
            throw TriageError.searchSyntax(query: query, message: failure.message)
        }
    }

    private func snippet(of rowid: Int64, in table: String, match: String) throws -> String {
        let column = table == "issues_fts" ? -1 : 2
        return try context.database.cachedStatement("""
            SELECT snippet(\(table), \(column), char(2), char(3), '…', 12) FROM \(table)
            WHERE \(table) MATCH ?1 AND rowid = ?2
            """).firstRow([.text(match), .integer(rowid)]).map { try $0.decode(at: 0, as: String.self) } ?? ""
    }
}
