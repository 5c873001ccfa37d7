import TRCAACore

/// An image's details as the message overlay shows them.
enum ImageText {
    static func details(_ image: ImageDetail) -> String {
        let size = image.width.flatMap { width in image.height.map { "\(width) × \($0) pixels" } } ?? "size unknown"
        return """
            \(image.format.map { "\($0)" } ?? image.summary.mimeType), \(size)
            \(ByteSize.describe(image.summary.fileSize)), uploaded \(image.summary.uploadedAt) UTC
            SHA-256 \(image.summary.uploadHash)
            from \(image.filePath.isEmpty ? "(no path recorded)" : image.filePath)
            """
    }
}
