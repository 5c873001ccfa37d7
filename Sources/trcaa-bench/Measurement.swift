import Foundation

/// Wall-clock samples of one operation.
struct Samples {
    let name: String
    private(set) var seconds: [Double] = []

    init(_ name: String) { self.name = name }

    /// Runs `body` `runs` times, recording each run.
    static func measure(_ name: String, runs: Int, _ body: () throws -> Void) rethrows -> Samples {
        var samples = Samples(name)
        for _ in 0..<runs {
            let start = DispatchTime.now().uptimeNanoseconds
            try body()
            samples.seconds.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        return samples
    }

    mutating func append(_ seconds: Double) { self.seconds.append(seconds) }
    mutating func append(contentsOf more: [Double]) { seconds += more }

    var median: Double { percentile(50) }

    func percentile(_ p: Double) -> Double {
        let sorted = seconds.sorted()
        guard !sorted.isEmpty else { return .nan }
        let rank = Int((p / 100 * Double(sorted.count - 1)).rounded())
        return sorted[min(max(rank, 0), sorted.count - 1)]
    }
}

extension Array where Element == Double {
    /// The middle value (of an even count, the upper of the two middle ones).
    var median: Double { sorted()[count / 2] }
}

/// Runs each of `contenders` once a round for `runs` rounds, each round starting one further
/// along, and gives each contender's results in round order: a machine whose speed drifts
/// during the runs (a shared VM) moves every side of a round alike, so ratios are taken
/// round by round.
func inRounds<Result>(_ runs: Int, _ contenders: [() throws -> Result]) throws -> [[Result]] {
    var results = [[Result]](repeating: [], count: contenders.count)
    for run in 0..<runs {
        for offset in contenders.indices {
            let index = (offset + run) % contenders.count
            results[index].append(try contenders[index]())
        }
    }
    return results
}

/// CPU seconds (user+system): on a shared machine, what a run cost rather than how long it
/// waited for a core.
enum CPUTime {
    /// This process's CPU seconds for `body`.
    static func of(_ body: () throws -> Void) rethrows -> Double {
        let before = own()
        try body()
        return own() - before
    }

    /// A finished child's CPU seconds.
    static func seconds(_ usage: rusage) -> Double { seconds(usage.ru_utime) + seconds(usage.ru_stime) }

    private static func own() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return seconds(usage)
    }

    private static func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
}

/// Prints a table of figures, each beside the baseline and the ratio.
enum Report {
    static func printTable(title: String, baseline: Samples, figures: [Samples]) {
        print(title)
        print("  " + "operation".padding(50) + "median".padding(12, left: true) + "p95".padding(12, left: true)
              + "vs baseline".padding(14, left: true))
        for samples in [baseline] + figures {
            let ratio = samples.median / baseline.median
            print("  " + samples.name.padding(50) + milliseconds(samples.median).padding(12, left: true)
                  + milliseconds(samples.percentile(95)).padding(12, left: true)
                  + String(format: "%.2fx", ratio).padding(14, left: true))
        }
    }

    static func milliseconds(_ seconds: Double) -> String { String(format: "%.2f ms", seconds * 1000) }
}

extension String {
    func padding(_ width: Int, left: Bool = false) -> String {
        let fill = String(repeating: " ", count: max(0, width - count))
        return left ? fill + self : self + fill
    }
}
