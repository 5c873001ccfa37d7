import TRCAAStore

/// Full-text search over the PostgreSQL index (plan §0.7, §4): queries as `tsquery` text of
/// terms normalised as `FullTextTokens` (bound as ?1 and cast to `tsquery`, so the server
/// takes the terms as they are), scores `-ts_rank` (lower is better, as bm25), keys the
/// index rows' `seq`. Evidence scores are divided by 1 + log(length) (normalisation 1), so of two
/// texts with the same matches the shorter ranks first, as with bm25 (a why before the timeline
/// event that quotes it).
struct PostgresFullText: FullTextDialect {
    func render(_ query: FullTextQuery) -> String {
        switch query {
        case .phrase(let text, let prefix): Self.phrase(FullTextTokens.terms(text), prefix: prefix)
        case .all(let parts): Self.conjunction(parts.map(render))
        case .typed(let text): TypedFullTextQuery(text).map(renderTyped) ?? Self.unparseable(text)
        }
    }

    /// The terms next to each other (`<->`), the last one as a prefix (`:*`) if asked.
    static func phrase(_ terms: [String], prefix: Bool) -> String {
        var lexemes = terms.map { "'" + $0.replacingOccurrences(of: "'", with: "''") + "'" }
        if prefix, !lexemes.isEmpty { lexemes[lexemes.count - 1] += ":*" }
        return lexemes.count > 1 ? "(" + lexemes.joined(separator: " <-> ") + ")" : lexemes.first ?? ""
    }

    /// Every non-empty part (a part with no terms matches anything, as FTS5 ignores it).
    static func conjunction(_ parts: [String]) -> String {
        let kept = parts.filter { !$0.isEmpty }
        return kept.count > 1 ? "(" + kept.joined(separator: " & ") + ")" : kept.first ?? ""
    }

    /// Typed syntax FTS5 would refuse: an unbalanced `tsquery` holding FTS5's reason, so that the
    /// server refuses it too (SQLSTATE 42601) with a message that quotes the reason.
    private static func unparseable(_ text: String) -> String {
        let reason = TypedFullTextQuery.syntaxError(in: text) ?? "syntax error"
        return refusalStart + reason.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "''") + "'"
    }

    private static let refusalStart = "( '"
    private static let serverRefusal = "syntax error in tsquery: \"" + refusalStart

    private func renderTyped(_ typed: TypedFullTextQuery) -> String {
        switch typed {
        case .phrase(let terms, let prefix): Self.phrase(terms, prefix: prefix)
        case .and(let parts): Self.conjunction(parts.map(renderTyped))
        case .or(let parts):
            parts.map(renderTyped).contains("") ? "" : "(" + parts.map(renderTyped).joined(separator: " | ") + ")"
        case .not(let kept, let excluded):
            Self.conjunction([renderTyped(kept)] + excluded.map { "!" + renderTyped($0) }.filter { $0 != "!" })
        }
    }

    /// A query the planner expects in at most `fewMatches` rows of an index is scored among
    /// its most recent matches of the whole index (reading each costs ~1.5 µs); a commoner one
    /// among its matches in the index's `newestRows` (walking them costs ~0.4 µs a row), or, when
    /// none of those match and it is expected in at most `manyMatches`, among its oldest. This
    /// bounds a search's work at 100 000 issues to a few milliseconds (migration 115).
    static let fewMatches = 1000
    static let newestRows = 2500
    static let manyMatches = 10_000

    /// The arguments of migration 115's functions after the query and window.
    private static let limits = "\(fewMatches), \(newestRows), \(manyMatches)"

    func issueCandidates(titleWeight: Double) -> String {
        // ts_rank takes weights up to 1 (D, C, B, A): title terms (A) 1, description terms (B) 1/titleWeight.
        """
        SELECT seq, -ts_rank('{0, 0, \(1 / titleWeight), 1}', tsv, CAST(?1 AS tsquery)) AS score, id
        FROM issues_fts_recent(CAST(?1 AS tsquery), ?2, \(Self.limits))
        ORDER BY score, seq DESC LIMIT ?3
        """
    }

    func evidenceCandidates(weight: Double) -> String {
        """
        SELECT seq, -ts_rank(tsv, CAST(?1 AS tsquery), 1) * \(weight) AS score, issue_id, source
        FROM evidence_fts_recent(CAST(?1 AS tsquery), ?2, \(Self.limits))
        ORDER BY score, seq DESC LIMIT ?3
        """
    }

    let evidenceTexts = """
        SELECT seq, text FROM evidence_fts
        WHERE seq IN (SELECT CAST(jsonb_array_elements_text(CAST(?1 AS jsonb)) AS bigint))
        """

    /// The statements are fixed; a syntax error comes from the query: FTS5's reason when the
    /// query was typed syntax `unparseable` rendered, else the server's message.
    func syntaxErrorMessage(_ error: StoreError) -> String? {
        guard case .server(let failure) = error, failure.sqlState == "42601" else { return nil }
        guard failure.message.hasPrefix(Self.serverRefusal), failure.message.hasSuffix("'\"") else { return failure.message }
        return String(failure.message.dropFirst(Self.serverRefusal.count).dropLast(2))
            .replacingOccurrences(of: "''", with: "'").replacingOccurrences(of: "\\\\", with: "\\")
    }
}
