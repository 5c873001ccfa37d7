import ArgumentParser
import Foundation
import TRCAACore
import TRCAAStore

/// Issue-list, search and create figures on a store of 100 000 issues: a file by default, or a
/// store on a PostgreSQL server (`--server`).
struct TriageBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "triage", abstract: "Issue list, search and create on a store of 100 000 issues.")

    @Option(help: "Where the generated store is kept between runs.") var store = NSTemporaryDirectory() + "trcaa-bench-triage"
    @Option(help: "Issues in the store.") var issues = 100_000
    @Option(help: "Samples per latency figure.") var samples = 200
    @Option(help: "Runs per end-to-end command figure.") var runs = 15
    @Option(help: "Log samples whose lines become the issues' text.") var corpus = "../shared/data/loghub"
    @Option(help: "Run only these parts (create, search, commands); all by default.") var only: [String] = []
    @Option(help: """
        A store on a PostgreSQL server to measure instead of the file (postgres://…, its database in C collation); \
        it keeps its issues between runs. The create part runs on a file only.
        """) var server: String?

    mutating func run() throws {
        let key = "bench-triage-key"
        var environment = ["TRCAA_DB_KEY": key, "HOME": store]
        if let server { environment["TRCAA_DATABASE_URL"] = server }
        let workspace = try Workspace.open(WorkspaceOptions(dataDirectory: store), environment: environment)
        print("Store: \(workspace.database.path)")
        let text = TriageDataset.Corpus.load(from: corpus)
        try TriageDataset.fill(workspace, count: issues, corpus: text, log: { print($0) })
        let total = try workspace.issues.count()
        print("Issues: \(total)\n")

        let parts = only.isEmpty ? ["create", "search", "commands"] : only
        if parts.contains("create") {
            if server == nil { try createThroughput(text) } else { print("(create: measured on a file store only)\n") }
        }
        if parts.contains("search") { try listAndSearch(workspace, text) }
        if parts.contains("commands") { try commands(environment: environment) }
    }

    /// 10 000 issues through the service (batched) against bare INSERTs of the same rows.
    private func createThroughput(_ text: TriageDataset.Corpus) throws {
        let directory = NSTemporaryDirectory() + "trcaa-bench-create-\(getpid())"
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let workspace = try Workspace.open(WorkspaceOptions(dataDirectory: directory), environment: ["TRCAA_DB_KEY": "k"])
        var random = TriageDataset.Random(state: 7)
        let drafts = (0..<10_000).map { TriageDataset.draft(&random, corpus: text, index: $0) }
        let service = try Samples.measure("IssueService.createMany, 10 000 in batches of 500", runs: 1) {
            for start in stride(from: 0, to: drafts.count, by: 500) {
                _ = try workspace.issues.createMany(Array(drafts[start..<(start + 500)]))
            }
        }
        let single = try Samples.measure("IssueService.create, 200 one transaction each", runs: 1) {
            for draft in drafts.prefix(200) { _ = try workspace.issues.create(draft) }
        }
        let raw = try Samples.measure("bare INSERT INTO issues, same rows and batches", runs: 1) {
            for start in stride(from: 0, to: drafts.count, by: 500) {
                try workspace.database.write { db in
                    let insert = try db.prepare("INSERT INTO issues (id, title, description, severity, category) VALUES (?, ?, ?, ?, ?)")
                    for draft in drafts[start..<(start + 500)] {
                        try insert.run([.text(UUIDv7.next()), .text(draft.title), .text(draft.description),
                                        .text(draft.severity.rawValue), .text(draft.category.rawValue)])
                    }
                }
            }
        }
        print("Create throughput (each issue: row, FTS triggers, triage_started event, two chained audit rows)")
        print(String(format: "  service, batched:            %8.0f issues/s", 10_000 / service.median))
        print(String(format: "  service, one per transaction:%8.0f issues/s (each commit waits for fsync)", 200 / single.median))
        print(String(format: "  bare INSERT baseline:        %8.0f issues/s   service/baseline %.2fx\n",
                     10_000 / raw.median, raw.median / service.median))
    }

    private func listAndSearch(_ workspace: Workspace, _ text: TriageDataset.Corpus) throws {
        let db = workspace.database
        if server == nil, let pages = ProcessInfo.processInfo.environment["BENCH_CACHE_KIB"] {
            try db.execute("PRAGMA cache_size = -\(pages)")
        }
        var random = TriageDataset.Random(state: 99)
        let words = (0..<samples).map { _ in random.pick(text.wordsByFrequency) }
        let common = Array(text.wordsByFrequency.prefix(10))
        print("Query words: \(samples) drawn from the corpus's \(text.wordsByFrequency.count) distinct words "
              + "(e.g. \(words.prefix(5).joined(separator: ", "))); worst case: its 10 most frequent "
              + "(\(common.prefix(5).joined(separator: ", ")), …)")
        var index = 0
        // The index alone, as each store's own full-text search ranks it (the words are plain lowercase letters).
        let (ftsName, ftsQuery) = server == nil
            ? ("SQLite FTS alone: issues_fts top 50 by bm25", "SELECT rowid FROM issues_fts WHERE issues_fts MATCH ? ORDER BY rank LIMIT 50")
            : ("PostgreSQL full text alone: issues_fts top 50 by ts_rank",
               "SELECT id FROM issues_fts WHERE tsv @@ CAST(?1 AS tsquery) ORDER BY ts_rank(tsv, CAST(?1 AS tsquery)) DESC LIMIT 50")
        let ftsAlone = try Samples.measure(ftsName, runs: samples) {
            index = (index + 1) % words.count
            _ = try db.cachedStatement(ftsQuery).rows([.text(words[index])])
        }
        index = 0
        let search = try Samples.measure("SearchService.search, top 50, words seen first time", runs: samples) {
            index = (index + 1) % words.count
            _ = try workspace.search.search(words[index], limit: 50)
        }
        index = 0
        let like = try Samples.measure("the original's LIKE scan (issues, steps, logs, timeline)", runs: 20) {
            index = (index + 1) % words.count
            // Each issue once without DISTINCT, which PostgreSQL refuses beside ORDER BY a column not selected.
            _ = try db.rows("""
                SELECT i.id FROM issues i WHERE i.title LIKE ?1 OR i.description LIKE ?1 OR i.category LIKE ?1
                OR EXISTS (SELECT 1 FROM resolution_steps s WHERE s.issue_id = i.id
                           AND (s.why_question LIKE ?1 OR s.answer LIKE ?1 OR s.evidence LIKE ?1))
                OR EXISTS (SELECT 1 FROM log_files l WHERE l.issue_id = i.id AND l.file_name LIKE ?1)
                OR EXISTS (SELECT 1 FROM timeline_events t WHERE t.issue_id = i.id AND t.description LIKE ?1)
                ORDER BY i.updated_at DESC LIMIT 50
                """, [.text("%\(words[index])%")])
        }
        index = 0
        let searchWarm = try Samples.measure("the same, same words again (warm page cache)", runs: samples) {
            index = (index + 1) % words.count
            _ = try workspace.search.search(words[index], limit: 50)
        }
        index = 0
        let searchTwenty = try Samples.measure("SearchService.search, top 20 (the CLI's page), warm", runs: samples) {
            index = (index + 1) % words.count
            _ = try workspace.search.search(words[index], limit: 20)
        }
        index = 0
        let searchCommon = try Samples.measure("SearchService.search, the 10 most frequent words", runs: samples) {
            index = (index + 1) % common.count
            _ = try workspace.search.search(common[index], limit: 50)
        }
        index = 0
        let prefix = try Samples.measure("SearchService.search, 2-letter prefixes (as you type)", runs: samples) {
            index = (index + 1) % words.count
            _ = try workspace.search.search(String(words[index].prefix(2)), limit: 50)
        }
        Report.printTable(title: "Search, \(samples) queries (p95 is the bar: ≤ \(server == nil ? 2 : 10) ms)",
                          baseline: ftsAlone, figures: [search, searchWarm, searchTwenty, searchCommon, prefix, like])
        let listRaw = try Samples.measure("bare SELECT … ORDER BY updated_at LIMIT 50", runs: samples) {
            _ = try db.cachedStatement("SELECT id, title FROM issues ORDER BY updated_at DESC LIMIT 50").rows()
        }
        let list = try Samples.measure("IssueService.list, 50 with counts and short ids", runs: samples) {
            _ = try workspace.issues.list(IssueFilter(limit: 50))
        }
        let filtered = try Samples.measure("IssueService.list, status+severity filter, 50", runs: samples) {
            _ = try workspace.issues.list(IssueFilter(statuses: [.open], severities: [.p1], limit: 50))
        }
        print()
        Report.printTable(title: "Issue list, \(samples) runs\(server == nil ? "" : " (p95 is the bar: ≤ 10 ms)")", baseline: listRaw,
                          figures: [list, filtered])
        print()
    }

    /// The commands end to end (process start, key derivation, open, query, output).
    private func commands(environment: [String: String]) throws {
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("trcaa").path
        guard FileManager.default.isExecutableFile(atPath: binary) else {
            return print("(skipping end-to-end figures: build trcaa in release mode first: swift build -c release)")
        }
        let kdf = try KeyDerivationBaseline.measure(key: environment["TRCAA_DB_KEY"]!,  // Safe: set by run().
                                                    databasePath: server == nil ? store + "/trcaa.db" : nil, runs: runs)
        func command(_ name: String, _ arguments: [String]) throws -> Samples {
            try Samples.measure(name, runs: runs) {
                try Spawn.runQuietly([binary, "--data-dir", store] + arguments, environment: environment)
            }
        }
        let version = try command("trcaa --version (process start, no database)", ["--version"])
        let list = try command("trcaa issue list --limit 50", ["issue", "list", "--limit", "50"])
        let search = try command("trcaa search connection", ["search", "connection"])
        Report.printTable(title: "Commands end to end, \(runs) runs (bar: within the KDF + 50 ms)", baseline: kdf,
                          figures: [version, list, search])
        print("  issue list beyond the KDF: \(Report.milliseconds(list.median - kdf.median)); "
              + "search beyond the KDF: \(Report.milliseconds(search.median - kdf.median))")
    }
}
