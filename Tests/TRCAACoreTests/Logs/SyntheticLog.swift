/// Deterministic log text for tests: timestamps, levels, ids, and PII every few lines.
enum SyntheticLog {
    /// `count` lines (each ending in `\n`), the same for the same seed.
    static func lines(_ count: Int, seed: UInt64 = 1) -> [String] {
        var state = seed
        func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state >> 33
        }
        let levels = ["INFO", "INFO", "INFO", "DEBUG", "WARN", "ERROR"]
        return (0..<count).map { index in
            let level = levels[Int(next() % UInt64(levels.count))]
            let second = index % 60, minute = (index / 60) % 60
            var line = "2025-01-15 10:\(pad(minute)):\(pad(second)),\(next() % 1000) \(level) [worker-\(next() % 8)] "
            switch next() % 6 {
            case 0: line += "connection from 10.\(next() % 256).\(next() % 256).\(next() % 256) accepted"
            case 1: line += "user alice\(next() % 100)@example.com logged in"
            case 2: line += "request id=\(next()) took \(next() % 900)ms"
            case 3: line += "retrying job \(next() % 10000) (attempt \(next() % 5))"
            case 4: line += "config reloaded from /etc/app/config.yaml"
            default: line += "payload checksum \(String(next(), radix: 16))"
            }
            return line + "\n"
        }
    }

    /// The lines joined, as bytes.
    static func text(_ count: Int, seed: UInt64 = 1) -> [UInt8] { Array(lines(count, seed: seed).joined().utf8) }

    private static func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
