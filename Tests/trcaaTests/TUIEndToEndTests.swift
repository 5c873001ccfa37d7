import Testing

/// The real binary: `trcaa` without a subcommand.
@Suite struct TUIEndToEndTests {
    @Test func withoutATerminalItPrintsWhereTheDatabaseIs() throws {
        let result = try CLI().run()
        #expect(result.status == 0)
        #expect(result.stdout.contains("needs a terminal"))
    }
}
