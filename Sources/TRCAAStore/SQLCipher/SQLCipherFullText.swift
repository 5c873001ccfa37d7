internal import CSQLCipher

/// Full-text search with FTS5: queries in FTS5 syntax, scores by bm25, keys are rowids.
struct SQLCipherFullText: FullTextDialect {
    func render(_ query: FullTextQuery) -> String {
        switch query {
        case .phrase(let text, let prefix):
            "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" + (prefix ? "*" : "")
        case .all(let parts):
            parts.map { part in
                if case .phrase = part { return render(part) }
                return "(" + render(part) + ")"
            }.joined(separator: " ")
        case .typed(let text):
            text
        }
    }

    func issueCandidates(titleWeight: Double) -> String {
        """
        SELECT top.rowid, top.score, issues.id FROM (
            SELECT rowid, score FROM (
                SELECT issues_fts.rowid AS rowid, bm25(issues_fts, 0.0, \(titleWeight), 1.0) AS score
                FROM issues_fts WHERE issues_fts MATCH ?1 ORDER BY issues_fts.rowid DESC LIMIT ?2
            ) AS recent ORDER BY score LIMIT ?3
        ) AS top JOIN issues ON issues.rowid = top.rowid
        """
    }

    func evidenceCandidates(weight: Double) -> String {
        """
        SELECT top.rowid, top.score, evidence_fts.issue_id, evidence_fts.source FROM (
            SELECT rowid, score FROM (
                SELECT rowid, bm25(evidence_fts) * \(weight) AS score
                FROM evidence_fts WHERE evidence_fts MATCH ?1 ORDER BY rowid DESC LIMIT ?2
            ) AS recent ORDER BY score LIMIT ?3
        ) AS top JOIN evidence_fts ON evidence_fts.rowid = top.rowid
        """
    }

    let evidenceTexts = "SELECT rowid, text FROM evidence_fts WHERE rowid IN (SELECT value FROM json_each(?1))"

    /// The statements are fixed; a plain SQLITE_ERROR while matching comes from the query.
    func syntaxErrorMessage(_ error: StoreError) -> String? {
        guard case .sqlite(let failure) = error, failure.code == SQLITE_ERROR else { return nil }
        return failure.message
    }
}
