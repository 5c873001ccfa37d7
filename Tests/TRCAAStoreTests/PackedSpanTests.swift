import Foundation
import Testing
import TestSupport
@testable import TRCAAStore

/// The packed PII span store (migration 108): the run format, and the conversion of stores
/// written with a `pii_spans` row per detected span.
@Suite struct PackedSpanTests {
    let fixture = StoreFixture()

    @Test func runsRoundTripAndStaySmall() throws {
        var spans: [PackedSpan] = []
        var offset: Int64 = 1 << 40  // offsets past 32 bits survive
        for index in 0..<1000 {
            offset += Int64(index % 7 == 0 ? 300 : 40)
            let length = Int64(index % 13 == 0 ? 4000 : 7 + index % 30)  // a long PEM block now and then
            spans.append(PackedSpan(start: offset, end: offset + length, type: UInt8(index % PackedSpans.typeNames.count)))
            offset += length
        }
        let run = PackedSpanRun(spans)
        #expect(run.firstOffset == spans[0].start && run.spanCount == 1000)
        #expect(try run.spans() == spans)
        #expect(run.bytes.count < 4 * spans.count, "about 4 bytes a span")
        let stored = try PackedSpanRun(firstOffset: run.firstOffset, spanCount: run.spanCount, stored: run.stored)
        #expect(stored == run && run.stored.count < run.bytes.count, "stored deflated")
        // Adjacent spans (a gap of 0) and a single span.
        let touching = [PackedSpan(start: 5, end: 9, type: 1), PackedSpan(start: 9, end: 10, type: 2)]
        #expect(try PackedSpanRun(touching).spans() == touching)
    }

    @Test func aDamagedRunIsReportedAsDamage() throws {
        let meansDamage = { (error: any Error) in
            (error as? StoreError).map { if case .sqlite(let failure) = $0 { failure.meansDamage } else { false } } == true
        }
        var run = PackedSpanRun([PackedSpan(start: 0, end: 1000, type: 3)])
        run.bytes.removeLast()
        #expect(performing: { try run.spans() }, throws: meansDamage)
        var stored = PackedSpanRun([PackedSpan(start: 0, end: 1000, type: 3), PackedSpan(start: 2000, end: 2001, type: 4)]).stored
        stored.removeLast(2)
        #expect(performing: { try PackedSpanRun(firstOffset: 0, spanCount: 2, stored: stored) }, throws: meansDamage)
    }

    /// A store as trcaa wrote it before 108: one row per span, with a value and a token.
    private func rowPerSpanStore() throws -> Database {
        let db = try fixture.open()
        try Migrator.trcaa.filter { $0.name < "108_packed_pii_spans" }.migrate(db)
        try db.execute("""
            INSERT INTO issues (id, title) VALUES ('i', 'issue');
            INSERT INTO log_files (id, issue_id, file_name, file_path) VALUES ('indexed', 'i', 'a.log', ''), ('original', 'i', 'b.log', '');
            INSERT INTO log_blocks (log_file_id, block, uncompressed_offset, compressed_offset, first_line, continues_line)
            VALUES ('indexed', 0, 0, 10, 0, 0), ('indexed', 1, 1000, 400, 20, 0);
            INSERT INTO log_stats (log_file_id, line_count, compressed_size, block_count, pii_counts)
            VALUES ('indexed', 40, 800, 2, '{"Email":9}');
            """)
        let rows: [(String, String, Int, Int)] = [
            ("indexed", "Email", 10, 27), ("indexed", "IPv4", 990, 1004), ("indexed", "IPv4", 1500, 1510),
            ("original", "Email", 5, 20), ("original", "Email", 5, 20), ("original", "Hostname", 12, 20),  // the original's repeats
            ("original", "Phone", (1 << 20) + 3, (1 << 20) + 15), ("original", "Nickname", 40, 50),
        ]
        for (index, (log, type, start, end)) in rows.enumerated() {
            try db.execute("""
                INSERT INTO pii_spans (id, log_file_id, pii_type, start_offset, end_offset, original_value, replacement)
                VALUES (?, ?, ?, ?, ?, 'secret value', ?)
                """, [.text("s\(index)"), .text(log), .text(type), .integer(Int64(start)), .integer(Int64(end)), .text("[\(type)]")])
        }
        return db
    }

    private func runs(_ db: Database, _ log: String) throws -> [[PackedSpan]] {
        try PackedSpans.runs(ofLog: log, from: 0, to: .max, in: db).map { try $0.spans() }
    }

    @Test func runsAreCutBetweenBlocksOnceTheyAreLarge() {
        func block(_ number: Int, spans: Int) -> [PackedSpan] {
            let base = Int64(number) << 24
            return (0..<Int64(spans)).map { index in PackedSpan(start: base + index * 100, end: base + index * 100 + 9, type: 9) }
        }
        var builder = PackedSpanRunBuilder()
        let half = PackedSpanRunBuilder.runSpans / 2 + 1
        for number in 0..<3 { builder.add(block: block(number, spans: half)) }
        builder.add(block: [])
        let runs = builder.finish()
        #expect(runs.map(\.spanCount) == [2 * half, half], "a block is never split")
        #expect(runs.map(\.firstOffset) == [0, 2 << 24])
    }

    @Test(.sqlcipherOnly) func rowPerSpanStoresAreConverted() throws {
        let db = try rowPerSpanStore()
        try Migrator.trcaa.migrate(db)
        #expect(try db.scalar("SELECT count(*) FROM pii_spans", as: Int.self) == 0, "detection rows leave pii_spans")
        let email = PackedSpans.code(of: "Email")!, ipv4 = PackedSpans.code(of: "IPv4")!
        #expect(try runs(db, "indexed") == [[PackedSpan(start: 10, end: 27, type: email), PackedSpan(start: 990, end: 1004, type: ipv4),
                                             PackedSpan(start: 1500, end: 1510, type: ipv4)]])
        #expect(try db.scalar("SELECT pii_counts FROM log_stats WHERE log_file_id = 'indexed'", as: String.self)
                == #"{"Email":1,"IPv4":2}"#, "the counts are those of what was kept")
        // Repeats, overlaps and unknown types are dropped.
        #expect(try runs(db, "original") == [[PackedSpan(start: 5, end: 20, type: email),
                                              PackedSpan(start: (1 << 20) + 3, end: (1 << 20) + 15, type: PackedSpans.code(of: "Phone")!)]])
    }

    @Test(.sqlcipherOnly) func aConversionThatFailsHalfWayLeavesTheOldForm() throws {
        let db = try rowPerSpanStore()
        // The second log cannot be finished (a full disk, say) after the first was converted.
        try db.execute("""
            CREATE TEMP TRIGGER second_log_fails BEFORE DELETE ON main.pii_spans
            WHEN old.log_file_id = 'original' BEGIN SELECT RAISE(ABORT, 'disk full'); END
            """)
        #expect(throws: StoreError.self) { try Migrator.trcaa.migrate(db) }
        #expect(try db.scalar("SELECT count(*) FROM pii_spans", as: Int.self) == 8, "the old form, whole")
        #expect(try db.scalar("SELECT count(*) FROM sqlite_master WHERE name = 'log_pii_runs'", as: Int.self) == 0)
        #expect(try db.scalar("SELECT pii_counts FROM log_stats", as: String.self) == #"{"Email":9}"#)
        #expect(try db.scalar("SELECT count(*) FROM _migrations WHERE name = '108_packed_pii_spans'", as: Int.self) == 0)
        try db.execute("DROP TRIGGER temp.second_log_fails")
        try Migrator.trcaa.migrate(db)
        #expect(try db.scalar("SELECT count(*) FROM log_pii_runs", as: Int.self) == 2)
    }

    /// Runs 108 wrote with each span's two varints side by side move to the column layout
    /// (113) and read back the same; runs already in it are left as they are.
    @Test(.sqlcipherOnly) func sideBySideRunsMoveToTheColumnLayout() throws {
        let db = try fixture.open()
        try Migrator.trcaa.filter { $0.name < "113_pii_run_columns" }.migrate(db)
        try db.execute("""
            INSERT INTO issues (id, title) VALUES ('i', 'issue');
            INSERT INTO log_files (id, issue_id, file_name, file_path) VALUES ('a', 'i', 'a.log', '');
            """)
        let old = [PackedSpan(start: 100, end: 117, type: 6), PackedSpan(start: 117, end: 130, type: 9),
                   PackedSpan(start: 5_000_000_000, end: 5_000_000_040, type: 15)]
        var sideBySide: [UInt8] = []
        var previousEnd = old[0].start
        for span in old {
            PackedSpans.appendVarint(UInt64(span.start - previousEnd), to: &sideBySide)
            PackedSpans.appendVarint(UInt64(span.end - span.start) << 5 | UInt64(span.type), to: &sideBySide)
            previousEnd = span.end
        }
        let current = [PackedSpan(start: 9_000_000_000, end: 9_000_000_009, type: 3)]
        try db.execute("INSERT INTO log_pii_runs (log_file_id, first_offset, span_count, spans) VALUES ('a', 100, 3, ?), ('a', ?, 1, ?)",
                       [.blob(ZStream.deflateRaw(sideBySide)), .integer(current[0].start), .blob(PackedSpanRun(current).stored)])
        #expect(throws: StoreError.self) { try runs(db, "a") }

        try Migrator.trcaa.migrate(db)
        #expect(try runs(db, "a") == [old, current])
        let stored = try #require(try db.scalar("SELECT spans FROM log_pii_runs WHERE first_offset = 100", as: [UInt8].self))
        #expect(try PackedSpanRun(firstOffset: 100, spanCount: 3, stored: stored).bytes.first == PackedSpans.columnLayout)
    }

    /// A damaged run with offsets past any log's end is damage, not a crash.
    @Test func aRunPastAnyLogsEndIsDamage() {
        var bytes: [UInt8] = [PackedSpans.columnLayout]
        PackedSpans.appendVarint(UInt64.max >> 1, to: &bytes)
        PackedSpans.appendVarint(7 << 5, to: &bytes)
        var run = PackedSpanRun([PackedSpan(start: 0, end: 7, type: 0)])
        run.bytes = bytes
        #expect(throws: StoreError.self) { try run.spans() }
    }

    /// A damaged span count is damage, before anything is allocated for it.
    @Test func aMiscountedRunIsDamage() {
        let run = PackedSpanRun([PackedSpan(start: 0, end: 7, type: 0), PackedSpan(start: 9, end: 12, type: 1)])
        for count in [-1, 3, 1 << 40, Int.max] {
            var miscounted = run
            miscounted.spanCount = count
            #expect(throws: StoreError.self) { try miscounted.spans() }
            #expect(throws: StoreError.self) { try PackedSpanRun(firstOffset: 0, spanCount: count, stored: run.stored).spans() }
        }
    }

    @Test func everyTypeNameHasItsOwnCode() {
        #expect(Set(PackedSpans.typeNames).count == PackedSpans.typeNames.count)
        #expect(PackedSpans.typeNames.count <= 32, "the code has 5 bits")
        #expect(PackedSpans.code(of: "IPv4") == 9 && PackedSpans.code(of: "Nickname") == nil)
    }
}
