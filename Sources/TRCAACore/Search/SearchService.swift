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
    private enum Keys: String, CodingKey { case match }
    private enum MatchKeys: String, CodingKey { case source, snippet, rank }

    /// The issue as `issue list --json` shows it (its own `source` column included) and the
    /// match apart: `"match": {"source": "why", "snippet": "…[term]…", "rank": -1.2}`.
    public func encode(to encoder: any Encoder) throws {
        try summary.encode(to: encoder)
        var container = encoder.container(keyedBy: Keys.self)
        var match = container.nestedContainer(keyedBy: MatchKeys.self, forKey: .match)
        try match.encode(source, forKey: .source)
        try match.encode(bracketedSnippet, forKey: .snippet)
        try match.encode(rank, forKey: .rank)
    }
}

/// Full-text search over issues (title and description, via `issues_fts`) and the text around
/// them — 5-Whys, timeline descriptions, attachment names (via `evidence_fts`) — with bm25
/// ranking and one result per issue (SPEC §8).
///
/// The work per query is bounded: each index contributes its `candidateWindow` most recent
/// matches, scored by bm25. Ranking is exact whenever a query matches fewer than that many
/// rows per index; a very common word or a one-letter prefix is ranked among its most recent
/// matches, which keeps search-as-you-type instant on 100 000 issues. (A server takes a query
/// it expects in many rows from the newest rows of each index: `PostgresFullText`.) A query
/// whose last word is one letter so far looks in the issues alone: bm25 counts every row a
/// prefix matches, and for one letter that is most of the 300 000 rows around 100 000 issues
/// (15–20 ms, more than a keystroke may take). The second letter brings the text around the
/// issues back in.
public struct SearchService {
    let context: ServiceContext

    public init(context: ServiceContext) { self.context = context }

    /// Title matches weigh ten times description matches; matches in the text around an issue
    /// count half as much as matches in the issue itself.
    static let titleWeight = 10.0
    static let evidenceWeight = 0.5
    /// Matches scored per index and query.
    public static let candidateWindow = 300
    /// Evidence matches whose issue is looked up (the best by score).
    static func evidenceLookups(_ limit: Int) -> Int { limit * 2 }

    /// The best `limit` issues for `query`, best first.
    ///
    /// When the last word is long enough to be a word of its own and matching it exactly
    /// already fills the page, its prefix expansion (costly for common stems) is skipped.
    ///
    /// - throws: `TriageError.searchSyntax` for malformed FTS5 syntax.
    public func search(_ query: String, limit: Int = 50) throws -> [SearchResult] {
        guard let fts = FTSQuery(query), limit > 0 else { return [] }
        let fullText = context.database.dialect.fullText
        do {
            return try context.database.read { _ in
                let evidence = !fts.endsInOneLetter
                var hits = try rank(match: fullText.render(fts.exact ?? fts.prefix), limit: limit, evidence: evidence)
                if fts.exact != nil, hits.count < limit {
                    hits = try rank(match: fullText.render(fts.prefix), limit: limit, evidence: evidence)
                }
                return try results(for: hits, snippet: SearchSnippet(query: query))
            }
        } catch let error as StoreError {
            guard let message = fullText.syntaxErrorMessage(error) else { throw error }
            throw TriageError.searchSyntax(query: query, message: message)
        }
    }

    /// A match: the issue, where it matched (the key of its full-text index row) and its score.
    private struct Hit {
        var issueId: String
        var source: String
        var key: Int64
        var rank: Double
    }

    /// The best hit per issue, best first: ids and scores only. Reads typed columns straight
    /// from the statements (no `Row` per candidate); evidence rows are ranked on key and score
    /// and only the best are joined back for their issue.
    private func rank(match: String, limit: Int, evidence: Bool) throws -> [Hit] {
        let db = context.database
        let fullText = db.dialect.fullText
        var best: [String: Hit] = [:]
        let issueHits = try db.cachedStatement(fullText.issueCandidates(titleWeight: Self.titleWeight))
        try issueHits.bind([.text(match), .integer(Int64(Self.candidateWindow)), .integer(Int64(limit))])
        defer { issueHits.reset() }
        while try issueHits.step() {
            let hit = Hit(issueId: issueHits.text(at: 2), source: "issue", key: issueHits.int64(at: 0),
                          rank: issueHits.double(at: 1))
            best[hit.issueId] = hit
        }
        guard evidence else { return Self.best(best, limit: limit) }
        let evidenceHits = try db.cachedStatement(fullText.evidenceCandidates(weight: Self.evidenceWeight))
        try evidenceHits.bind([.text(match), .integer(Int64(Self.candidateWindow)),
                               .integer(Int64(Self.evidenceLookups(limit)))])
        defer { evidenceHits.reset() }
        while try evidenceHits.step() {
            let hit = Hit(issueId: evidenceHits.text(at: 2), source: evidenceHits.text(at: 3), key: evidenceHits.int64(at: 0),
                          rank: evidenceHits.double(at: 1))
            if best[hit.issueId].map({ hit.rank < $0.rank }) ?? true { best[hit.issueId] = hit }
        }
        return Self.best(best, limit: limit)
    }

    /// The `limit` best hits, ties by issue id.
    private static func best(_ hits: [String: Hit], limit: Int) -> [Hit] {
        Array(hits.values.sorted { $0.rank < $1.rank || ($0.rank == $1.rank && $0.issueId < $1.issueId) }.prefix(limit))
    }

    /// Rows and snippets for the hits (one query for the issues, one for the evidence texts).
    private func results(for hits: [Hit], snippet: SearchSnippet) throws -> [SearchResult] {
        let summaries = try IssueService(context: context).summaries(hits.map(\.issueId))
        let evidence = try evidenceTexts(hits.filter { $0.source != "issue" }.map(\.key))
        return hits.compactMap { hit in
            guard let summary = summaries[hit.issueId] else { return nil }
            let text: String
            if hit.source == "issue" {
                let title = snippet.passage(of: summary.issue.title)
                text = title.contains(SearchResult.highlightStart) || summary.issue.description.isEmpty
                    ? title : snippet.passage(of: summary.issue.description)
            } else {
                text = snippet.passage(of: evidence[hit.key] ?? "")
            }
            return SearchResult(summary: summary, source: hit.source, snippet: text, rank: hit.rank)
        }
    }

    /// The text of each `evidence_fts` row by key.
    private func evidenceTexts(_ keys: [Int64]) throws -> [Int64: String] {
        guard !keys.isEmpty else { return [:] }
        let statement = try context.database.cachedStatement(context.database.dialect.fullText.evidenceTexts)
        try statement.bind([.text(JSONText.array(keys.map(JSONText.int)).rendered)])
        defer { statement.reset() }
        var texts: [Int64: String] = [:]
        while try statement.step() { texts[statement.int64(at: 0)] = statement.text(at: 1) }
        return texts
    }
}
