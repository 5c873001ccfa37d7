import Foundation

/// The kits and samples the project shares beside the repository (`../shared`): loghub logs,
/// the PII and pattern evaluation kits. Tests find them from here, wherever the clone is.
public enum SharedFiles {
    /// `../shared`, from this file's place in the repository.
    public static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../shared")
        .standardized.path

    /// A file under the shared directory, by its relative path (`data/loghub/Linux_2k.log`).
    public static func path(_ relative: String) -> String { root + "/" + relative }

    /// The loghub samples (`data/loghub/*.log`, at least 16), by name.
    public static func loghubSamples() throws -> [(name: String, bytes: [UInt8])] {
        let directory = path("data/loghub")
        let names = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".log") }.sorted()
        guard names.count >= 16 else { throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: directory]) }
        return try names.map { ($0, [UInt8](try Data(contentsOf: URL(fileURLWithPath: directory + "/" + $0)))) }
    }

    /// Every line of the loghub samples (without its newline), sample after sample.
    public static func loghubLines() throws -> [[UInt8]] {
        try loghubSamples().flatMap { $0.bytes.split(separator: 10).map(Array.init) }
    }
}
