import Foundation
import TRCAACore
import TRCAAStore

/// A reproducible store of realistic issues for the triage benchmarks.
enum TriageDataset {
    /// Real log lines (the loghub samples) give the text its natural vocabulary and word
    /// frequencies; a small built-in list stands in when the samples are not there.
    struct Corpus {
        let lines: [String]
        /// Distinct words of four or more letters, most frequent first.
        let wordsByFrequency: [String]

        static func load(from directory: String) -> Corpus {
            var lines: [String] = []
            for name in (try? FileManager.default.contentsOfDirectory(atPath: directory).sorted()) ?? []
            where name.hasSuffix(".log") {
                guard let text = try? String(contentsOfFile: directory + "/" + name, encoding: .utf8) else { continue }
                lines += text.split(whereSeparator: \.isNewline).map { String($0.prefix(300)) }
            }
            if lines.isEmpty {
                lines = ["connection timeout talking to database pool", "kernel panic on node after firmware update",
                         "certificate expired for api gateway", "disk full on backup volume"]
            }
            var counts: [String: Int] = [:]
            for line in lines { for word in words(in: line) { counts[word, default: 0] += 1 } }
            return Corpus(lines: lines, wordsByFrequency: counts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map(\.key))
        }

        static func words(in line: String) -> [String] {
            line.split { !$0.isLetter }.map { $0.lowercased() }.filter { $0.count >= 4 }
        }
    }

    static let hosts = ["db01", "db02", "web03", "api-gw", "k8s-node-7", "edge-fw", "mail01", "ldap-a", "nas2", "pbx"]

    /// Deterministic SplitMix64.
    struct Random: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func pick<T>(_ items: [T]) -> T { items[Int(next() % UInt64(items.count))] }
    }

    /// An issue about one log line: a few of its words as the title, the line as description.
    static func draft(_ random: inout Random, corpus: Corpus, index: Int) -> IssueDraft {
        let line = random.pick(corpus.lines)
        let words = Corpus.words(in: line)
        let title = (words.isEmpty ? ["incident"] : Array(words.shuffled(using: &random).prefix(3))).joined(separator: " ")
        return IssueDraft(title: "\(title.capitalized) on \(random.pick(hosts)) #\(index)", description: "Observed: \(line)",
                          severity: random.pick(Severity.allCases), category: random.pick(IssueCategory.allCases),
                          assignee: random.pick(["", "alice", "bob", "carol"]), tags: [random.pick(["prod", "staging", "dev"])])
    }

    /// Adds 100 000 issues (unless the store has them), each with two whys and their timeline
    /// rows. Issues go through the service in batches; steps and events are written directly
    /// (this is set-up, not what is measured).
    static func fill(_ workspace: Workspace, count: Int, corpus: Corpus, log: (String) -> Void) throws {
        let existing = try workspace.issues.count()
        guard existing < count else { return }
        var random = Random(state: 42)
        let batch = 1000
        for start in stride(from: existing, to: count, by: batch) {
            let drafts = (start..<min(start + batch, count)).map { draft(&random, corpus: corpus, index: $0) }
            let issues = try workspace.issues.createMany(drafts)
            try workspace.database.write { db in
                let step = try db.prepare("""
                    INSERT INTO resolution_steps (id, issue_id, step_order, why_question, answer, evidence, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """)
                let event = try db.prepare("""
                    INSERT INTO timeline_events (id, issue_id, event_type, description, metadata, created_at)
                    VALUES (?, ?, 'why_level_advanced', ?, '{}', ?)
                    """)
                for issue in issues {
                    for level in 1...2 {
                        let question = "Why \(Corpus.words(in: random.pick(corpus.lines)).prefix(4).joined(separator: " "))?"
                        try step.run([.text(UUIDv7.next()), .text(issue.id), .integer(Int64(level)), .text(question),
                                      .text(random.pick(corpus.lines)), .text("see \(random.pick(hosts)) logs"),
                                      .text(issue.createdAt)])
                        try event.run([.text(UUIDv7.next()), .text(issue.id), .text("Why \(level): \(question)"),
                                       .text(issue.createdAt + " UTC")])
                    }
                }
            }
            if (start + batch) % 10_000 == 0 { log("  filled \(start + batch) issues") }
        }
    }
}
