import Foundation
import Testing

@testable import TRCAAPostgres

@Suite struct PlaceholderRewriteTests {
    @Test(arguments: [
        ("SELECT ?", "SELECT $1", 1),
        ("INSERT INTO t VALUES (?, ?, ?)", "INSERT INTO t VALUES ($1, $2, $3)", 3),
        ("WHERE a = ?1 OR b = ?1", "WHERE a = $1 OR b = $1", 1),
        ("WHERE id >= ?1 AND id < ?2 LIMIT ?", "WHERE id >= $1 AND id < $2 LIMIT $3", 3),
        ("VALUES (?3, ?)", "VALUES ($3, $4)", 4),
        ("SELECT 1", "SELECT 1", 0),
    ])
    func numbersMarkersAsSQLiteDoes(source: String, expected: String, count: Int) {
        let rewrite = PlaceholderRewrite(source)
        #expect(rewrite.sql == expected)
        #expect(rewrite.parameterCount == count)
    }

    @Test(arguments: [
        "SELECT '?', 'it''s ?' FROM t",
        #"SELECT "col?" FROM "t""?""#,
        "SELECT 1 -- why?\n",
        "SELECT /* a ? /* nested ? */ still ? */ 1",
        #"SELECT E'\' ?'"#,
        "SELECT $$ ? $$, $body$ x ? $body$",
        "SELECT 'unterminated ?",
    ])
    func leavesQuotedTextAndCommentsAlone(source: String) {
        let rewrite = PlaceholderRewrite(source)
        #expect(rewrite.sql == source)
        #expect(rewrite.parameterCount == 0)
    }

    @Test func rewritesAroundQuotedText() {
        let rewrite = PlaceholderRewrite("SELECT '?' || ? -- ?\n, \"?\", ?2, $$?$$, ?")
        #expect(rewrite.sql == "SELECT '?' || $1 -- ?\n, \"?\", $2, $$?$$, $3")
        #expect(rewrite.parameterCount == 3)
    }

    @Test func keepsDollarsInsideIdentifiers() {
        let rewrite = PlaceholderRewrite("SELECT a$b$c, ?")
        #expect(rewrite.sql == "SELECT a$b$c, $1")
    }
}

@Suite struct SQLLexerTests {
    @Test func scriptsSplitAtSemicolonsOutsideLiteralsAndComments() {
        let script = """
            CREATE TABLE t (a text DEFAULT ';');
            -- a comment; not a statement
            CREATE FUNCTION f() RETURNS trigger AS $$ BEGIN RETURN NEW; END $$ LANGUAGE plpgsql;
            /* ; */ ;
            INSERT INTO "x;y" VALUES (E'\\';')
            """
        #expect(SQLLexer.statements(script).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) } == [
            "CREATE TABLE t (a text DEFAULT ';')",
            "-- a comment; not a statement\nCREATE FUNCTION f() RETURNS trigger AS $$ BEGIN RETURN NEW; END $$ LANGUAGE plpgsql",
            #"INSERT INTO "x;y" VALUES (E'\';')"#,
        ])
    }
}
