import Foundation

/// The kits and samples the project shares beside the repository (`../shared`): loghub logs,
/// the PII and pattern evaluation kits. Tests find them from here, wherever the clone is.
public enum SharedFiles {
    /// `../shared`, from this file's place in the repository.
    public static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../shared")
        .standardized.path

    /// A file under the shared directory, by its relative path (`data/loghub/Linux_2k.log`).
    public static func path(_ relative: String) -> String { root + "/" + relative }
}
