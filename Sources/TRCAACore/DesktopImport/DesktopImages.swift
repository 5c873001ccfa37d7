import Foundation
import TRCAAStore

/// Images the desktop app stored before migration 021 keep only their path: their bytes come
/// from that file when it is still there and matches `upload_hash`.
enum DesktopImages {
    /// Fills `image_data` of an image row without bytes; returns a warning when it cannot.
    static func complete(_ values: inout [SQLValue], columns: [String]) -> String? {
        func text(_ column: String) -> String {
            guard let index = columns.firstIndex(of: column), case .text(let text) = values[index] else { return "" }
            return text
        }
        guard let dataIndex = columns.firstIndex(of: "image_data"), values[dataIndex] == .null else { return nil }
        let path = text("file_path")
        let what = "image \(text("id")) (\(text("file_name")))"
        guard !path.isEmpty, let data = FileManager.default.contents(atPath: path) else {
            return "\(what): image data not available (\(path.isEmpty ? "no file path was recorded" : "\(path) is gone"))"
        }
        let bytes = [UInt8](data)
        guard bytes.count <= ImageService.maximumSize, SHA256.hex(bytes) == text("upload_hash") else {
            return "\(what): image data not available (\(path) changed since it was uploaded: its hash differs)"
        }
        values[dataIndex] = .blob(bytes)
        return nil
    }
}
