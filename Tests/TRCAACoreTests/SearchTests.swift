import Foundation
import Testing
@testable import TRCAACore
import TRCAAStore

@Suite struct SearchTests {
    let fixture: CoreFixture
    init() throws { fixture = try CoreFixture() }

    private func titles(_ query: String) throws -> [String] { try fixture.search.search(query).map(\.summary.issue.title) }

    @Test func findsIssuesByEverySourceOncePerIssue() throws {
        let byTitle = try fixture.issues.create(IssueDraft(title: "Kafka consumer lag", description: "partitions stuck"))
        let byDescription = try fixture.issues.create(IssueDraft(title: "Checkout errors", description: "kafka broker down"))
        let byAnswer = try fixture.issues.create(IssueDraft(title: "Slow dashboards"))
        _ = try fixture.whys.add(issueId: byAnswer.id, question: "Why slow?", answer: "Kafka topic compaction")
        let byLog = try fixture.issues.create(IssueDraft(title: "Broker restart"))
        try fixture.workspace.database.execute(
            "INSERT INTO log_files (id, issue_id, file_name) VALUES ('log-1', ?, 'kafka-server.log')", [.text(byLog.id)])
        let byTimeline = try fixture.issues.create(IssueDraft(title: "Paging storm"))
        _ = try fixture.timeline.add(issueId: byTimeline.id, type: .logUploaded, description: "kafka metrics attached")
        let everywhere = try fixture.issues.create(IssueDraft(title: "kafka kafka", description: "kafka"))
        _ = try fixture.whys.add(issueId: everywhere.id, question: "Why kafka?", answer: "kafka")

        let results = try fixture.search.search("kafka")
        #expect(Set(results.map(\.summary.issue.id))
                == Set([byTitle, byDescription, byAnswer, byLog, byTimeline, everywhere].map(\.id)))
        #expect(results.count == 6, "one result per issue")
        #expect(results.first?.summary.issue.id == everywhere.id)
        let sources = Dictionary(uniqueKeysWithValues: results.map { ($0.summary.issue.id, $0.source) })
        #expect(sources[byAnswer.id] == "why" && sources[byLog.id] == "log" && sources[byTimeline.id] == "timeline")
        #expect(sources[byTitle.id] == "issue")
    }

    @Test func findsIssuesByTheirIncidentEventsAndActionItemsAndForgetsWhatIsDeleted() throws {
        let byEvent = try fixture.issues.create(IssueDraft(title: "Checkout errors"))
        let events = try fixture.incident.add(issueId: byEvent.id, [.init(
            at: Date(), kind: .detected, description: "Pager fired",
            evidence: "gateway.log:120: upstream zookeeper session expired")])
        let byAction = try fixture.issues.create(IssueDraft(title: "Slow dashboards"))
        let item = try fixture.actions.add(issueId: byAction.id, description: "Move zookeeper to its own disks", owner: "alice")
        let results = try fixture.search.search("zookeeper")
        #expect(Set(results.map(\.summary.issue.id)) == [byEvent.id, byAction.id])
        let sources = Dictionary(uniqueKeysWithValues: results.map { ($0.summary.issue.id, $0.source) })
        #expect(sources[byEvent.id] == "incident" && sources[byAction.id] == "action")
        #expect(try titles("alice") == ["Slow dashboards"])
        _ = try fixture.actions.edit(item.id, .init(description: "Separate disks"))
        try fixture.incident.delete(events[0].id)
        #expect(try titles("zookeeper").isEmpty)
        // The earlier sources still work with the new row ids.
        _ = try fixture.whys.add(issueId: byAction.id, question: "Why slow?", answer: "zookeeper quorum lost")
        #expect(try titles("zookeeper") == ["Slow dashboards"])
    }

    @Test func aOneLetterPrefixLooksInTheIssuesAloneUntilTheSecondLetter() throws {
        _ = try fixture.issues.create(IssueDraft(title: "Zebra crossing"))
        let byAnswer = try fixture.issues.create(IssueDraft(title: "Slow dashboards"))
        _ = try fixture.whys.add(issueId: byAnswer.id, question: "Why slow?", answer: "zookeeper quorum lost")
        #expect(try titles("z") == ["Zebra crossing"])
        #expect(try titles("zo") == ["Slow dashboards"])
        #expect(try titles("zoo") == ["Slow dashboards"])
    }

    @Test func titleMatchesOutrankDescriptionMatches() throws {
        _ = try fixture.issues.create(IssueDraft(title: "Unrelated", description: "the certificate expired overnight"))
        _ = try fixture.issues.create(IssueDraft(title: "Certificate expired", description: "renewal failed"))
        #expect(try titles("certificate") == ["Certificate expired", "Unrelated"])
    }

    @Test func plainWordsMatchAsPrefixesAndLiterals() throws {
        _ = try fixture.issues.create(IssueDraft(title: "Database connection timeout", description: "host 10.0.0.12 app.log"))
        #expect(try titles("database conn") == ["Database connection timeout"])
        #expect(try titles("d") == ["Database connection timeout"])
        #expect(try titles("connect") == ["Database connection timeout"])
        #expect(try titles("10.0.0.12") == ["Database connection timeout"])
        #expect(try titles("app.log") == ["Database connection timeout"])
        #expect(try titles("nothing-like-this").isEmpty)
        #expect(try titles("  ").isEmpty)
    }

    @Test(.sqlcipherOnly) func ranksAreTheBM25ScoresOfTheFTS5Indexes() throws {
        _ = try fixture.issues.create(IssueDraft(title: "Disk full on db-1", description: "disk usage at 100%"))
        let byWhy = try fixture.issues.create(IssueDraft(title: "Slow queries"))
        _ = try fixture.whys.add(issueId: byWhy.id, question: "Why slow?", answer: "the disks were full")
        let db = fixture.workspace.database
        let issue = try db.scalar(#"SELECT bm25(issues_fts, 0.0, 10.0, 1.0) FROM issues_fts WHERE issues_fts MATCH '"disk"*'"#,
                                  as: Double.self)
        let why = try db.scalar(#"SELECT bm25(evidence_fts) * 0.5 FROM evidence_fts WHERE evidence_fts MATCH '"disk"*'"#,
                                as: Double.self)
        let results = try fixture.search.search("disk")
        #expect(Dictionary(uniqueKeysWithValues: results.map { ($0.source, $0.rank) }) == ["issue": issue, "why": why])
        #expect(results.map(\.rank) == results.map(\.rank).sorted())
    }

    @Test func snippetsMarkTheMatch() throws {
        _ = try fixture.issues.create(IssueDraft(title: "Nightly backup", description: "The backup job failed with ENOSPC"))
        let result = try #require(try fixture.search.search("enospc").first)
        #expect(result.bracketedSnippet.contains("[ENOSPC]"))
        #expect(result.snippet.contains("\u{2}ENOSPC\u{3}"))
    }

    @Test func malformedSyntaxIsAClearError() throws {
        _ = try fixture.issues.create(IssueDraft(title: "x"))
        #expect {
            try fixture.search.search("\"unterminated")
        } throws: { error in
            guard case TriageError.searchSyntax(let query, let message) = error else { return false }
            return query == "\"unterminated" && message == "unterminated string"
        }
        #expect(throws: TriageError.self) { try fixture.search.search("AND OR") }
    }
}

@Suite struct SearchSnippetTests {
    private func marked(_ query: String, _ text: String) -> String {
        SearchSnippet(query: query).passage(of: text).replacingOccurrences(of: "\u{2}", with: "[")
            .replacingOccurrences(of: "\u{3}", with: "]")
    }

    @Test func marksWholeWordsIgnoringCaseAndDiacritics() {
        #expect(marked("json", "JSON check") == "[JSON] check")
        #expect(marked("cafe", "Le Café est fermé") == "Le [Café] est fermé")
        #expect(marked("log", "catalog log logs") == "catalog [log] [logs]")
        #expect(marked("\"log\"", "catalog log logs") == "catalog [log] logs")
        #expect(marked("disk full", "the disk is full\nagain") == "the [disk] is [full] again")
        #expect(marked("disk", "a\tdisk\r\nb\u{2028}c") == "a\t[disk] b c", "tabs kept, every line break one space")
    }

    /// ASCII text is cut into words byte by byte; any other by `Character`: both cut the same.
    @Test func asciiTextIsCutAsTheUnicodePathCutsIt() {
        var random = PIIPropertyTests.SeededRandom(state: 7)
        let alphabet = Array("aZ09 _-.\t\r\n@[`{/:~")
        for _ in 0..<200 {
            let text = String((0..<Int.random(in: 0...60, using: &random)).map { _ in alphabet.randomElement(using: &random)! })
            let offsets = { (source: String) in
                SearchSnippet.words(in: source).map { source.utf8.distance(from: source.startIndex, to: $0.lowerBound) }
            }
            #expect(offsets(text) + [text.utf8.count + 1] == offsets(text + " é"), "\(text.debugDescription)")
        }
    }

    @Test func cutsLongTextAroundTheFirstMatch() {
        let text = (1...40).map { "w\($0)" }.joined(separator: " ") + " target " + (41...60).map { "w\($0)" }.joined(separator: " ")
        let passage = marked("target", text)
        #expect(passage.hasPrefix("…w35 ") && passage.contains("[target]") && passage.hasSuffix("…"))
        #expect(marked("absent", "short text") == "short text")
    }
}
