import ArgumentParser

/// `swift run -c release trcaa-bench <benchmark>`: figures next to baselines measured in the
/// same run, with their ratio. Timings never go into `swift test`.
@main
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trcaa-bench",
        abstract: "Measure trcaa against baselines on this machine.",
        subcommands: [OpenBenchmark.self, TriageBenchmark.self, LogsBenchmark.self, TUIBenchmark.self, PatternsBenchmark.self]
    )
}
