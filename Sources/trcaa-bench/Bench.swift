import ArgumentParser
import TRCAAPostgres
import TRCAAStore

/// `swift run -c release trcaa-bench <benchmark>`: figures next to baselines measured in the
/// same run, with their ratio. Timings never go into `swift test`.
@main
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trcaa-bench",
        abstract: "Measure trcaa against baselines on this machine.",
        subcommands: [OpenBenchmark.self, TriageBenchmark.self, LogsBenchmark.self, TUIBenchmark.self, PatternsBenchmark.self]
    )

    /// Registers the PostgreSQL backend, as `trcaa` does, so that a benchmark can open a store
    /// on a server; then parses and runs.
    static func main() {
        ServerBackends.register(PostgresBackend())
        main(nil)
    }
}
