import Foundation

/// A fresh private directory under the system temp dir, removed when released.
final class TempDirectory {
    let path: String

    init() {
        let base = NSTemporaryDirectory().hasSuffix("/") ? NSTemporaryDirectory() : NSTemporaryDirectory() + "/"
        var template = Array("\(base)trcaa-test-XXXXXX".utf8CString)
        path = template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)!) }
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    func file(_ name: String) -> String { "\(path)/\(name)" }

    /// The bytes of every file whose name starts with `prefix`, by name.
    func snapshot(of prefix: String) throws -> [String: Data] {
        var result: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: path) where name.hasPrefix(prefix) {
            result[name] = try Data(contentsOf: URL(fileURLWithPath: file(name)))
        }
        return result
    }

    /// Every byte of every file in the directory tree, concatenated (for marker searches).
    func allBytes() throws -> Data {
        var bytes = Data()
        let enumerator = FileManager.default.enumerator(atPath: path)
        while let name = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: file(name), isDirectory: &isDirectory), !isDirectory.boolValue {
                bytes += try Data(contentsOf: URL(fileURLWithPath: file(name)))
            }
        }
        return bytes
    }
}
