import Foundation
import Glibc
import Testing
import TRCAACore

/// Headers of each format, built by hand as the specifications lay them out.
enum ImageSamples {
    static func le16(_ value: Int) -> [UInt8] { [UInt8(value & 0xFF), UInt8(value >> 8 & 0xFF)] }
    static func le32(_ value: Int) -> [UInt8] { le16(value & 0xFFFF) + le16(value >> 16 & 0xFFFF) }
    static func be16(_ value: Int) -> [UInt8] { le16(value).reversed() }
    static func be32(_ value: Int) -> [UInt8] { le32(value).reversed() }

    static func png(_ width: Int, _ height: Int) -> [UInt8] {
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + be32(13) + Array("IHDR".utf8) + be32(width) + be32(height)
            + [8, 6, 0, 0, 0] + [0, 0, 0, 0] + be32(0) + Array("IEND".utf8) + [0xAE, 0x42, 0x60, 0x82]
    }

    static func gif(_ width: Int, _ height: Int) -> [UInt8] { Array("GIF89a".utf8) + le16(width) + le16(height) + [0, 0, 0, 0x3B] }

    static func bmp(_ width: Int, _ height: Int) -> [UInt8] {
        Array("BM".utf8) + le32(54) + le32(0) + le32(54) + le32(40) + le32(width) + le32(height) + le16(1) + le16(24)
            + [UInt8](repeating: 0, count: 24)
    }

    static func webpLossy(_ width: Int, _ height: Int) -> [UInt8] {
        Array("RIFF".utf8) + le32(30) + Array("WEBPVP8 ".utf8) + le32(18) + [0x30, 0x01, 0x00, 0x9D, 0x01, 0x2A]
            + le16(width) + le16(height) + [UInt8](repeating: 0, count: 8)
    }

    static func webpLossless(_ width: Int, _ height: Int) -> [UInt8] {
        Array("RIFF".utf8) + le32(26) + Array("WEBPVP8L".utf8) + le32(10) + [0x2F] + le32((width - 1) | (height - 1) << 14)
            + [0, 0, 0, 0, 0]
    }

    static func webpExtended(_ width: Int, _ height: Int) -> [UInt8] {
        Array("RIFF".utf8) + le32(22) + Array("WEBPVP8X".utf8) + le32(10) + [0x10, 0, 0, 0]
            + Array(le32(width - 1).prefix(3)) + Array(le32(height - 1).prefix(3))
    }

    /// SOI, an APP0 (JFIF) segment, a quantisation table, then the frame header.
    static func jpeg(_ width: Int, _ height: Int) -> [UInt8] {
        [0xFF, 0xD8] + [0xFF, 0xE0] + be16(16) + Array("JFIF".utf8) + [0, 1, 1, 0] + be16(1) + be16(1) + [0, 0]
            + [0xFF, 0xDB] + be16(4) + [0, 1] + [0xFF, 0xC2] + be16(17) + [8] + be16(height) + be16(width)
            + [3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1] + [0xFF, 0xD9]
    }
}

@Suite struct ImageFormatTests {
    @Test func eachFormatIsSniffedAndItsHeaderGivesThePixelSize() {
        let samples: [(ImageFormat, [UInt8])] = [
            (.png, ImageSamples.png(1920, 1080)), (.gif, ImageSamples.gif(1920, 1080)), (.bmp, ImageSamples.bmp(1920, -1080)),
            (.webp, ImageSamples.webpLossy(1920, 1080)), (.webp, ImageSamples.webpLossless(1920, 1080)),
            (.webp, ImageSamples.webpExtended(1920, 1080)), (.jpeg, ImageSamples.jpeg(1920, 1080)),
        ]
        for (format, bytes) in samples {
            #expect(ImageFormat.sniff(bytes) == format)
            let size = format.dimensions(of: bytes)
            #expect(size?.width == 1920 && size?.height == 1080, "\(format)")
        }
    }

    @Test func svgIsRecognisedByItsRootElement() {
        let svgs = [
            #"<svg xmlns="http://www.w3.org/2000/svg" width="640" height="480"></svg>"#,
            "\u{FEFF}<?xml version=\"1.0\"?>\n<!-- drawn by hand -->\n<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" \"x\">\n<svg viewBox=\"0 0 640 480\"/>",
            #"<svg width='640px' height='480px' viewBox="0 0 10 10"></svg>"#,
        ]
        for svg in svgs {
            let bytes = Array(svg.utf8)
            #expect(ImageFormat.sniff(bytes) == .svg, "\(svg)")
            let size = ImageFormat.svg.dimensions(of: bytes)
            #expect(size?.width == 640 && size?.height == 480, "\(svg)")
        }
        #expect(ImageFormat.svg.dimensions(of: Array(#"<svg width="50%" height="2em"/>"#.utf8)) == nil)
        for notSVG in ["<!DOCTYPE html><html><svg></svg></html>", "<svgfoo/>", "text <svg/>", "<?xml version=\"1.0\"?><root/>"] {
            #expect(ImageFormat.sniff(Array(notSVG.utf8)) == nil, "\(notSVG)")
        }
    }

    /// Found by fuzzing (target image): a size past Int's range trapped converting to Int.
    @Test func svgSizesNoIntHoldsAreNotStated() {
        for svg in ["<svg viewBox='0 0 20.5 88888888888888888888888888883'/>", #"<svg width="1e300" height="2"/>"#,
                    #"<svg width="inf" height="infinity"/>"#] {
            #expect(ImageFormat.svg.dimensions(of: Array(svg.utf8)) == nil, "\(svg)")
        }
    }

    @Test func otherContentIsNotGuessed() {
        for bytes: [UInt8] in [[], Array("plain text\n".utf8), [0x25, 0x50, 0x44, 0x46, 0x2D], Array("RIFF\0\0\0\0WAVEfmt ".utf8),
                               [0x89, 0x50, 0x4E, 0x47], Array("BM".utf8)] {
            #expect(ImageFormat.sniff(bytes) == nil)
        }
    }
}

@Suite struct ImageServiceTests {
    let fixture: CoreFixture
    let issueId: String

    init() throws {
        fixture = try CoreFixture()
        issueId = try fixture.issues.create(IssueDraft(title: "Dashboard screenshots")).id
    }

    @Test func attachStoresTheBytesTheirHashAndAnAuditRow() throws {
        let bytes = ImageSamples.png(800, 600) + [UInt8](repeating: 7, count: 5000)
        let image = try fixture.images.attach(issueId: issueId, path: try fixture.file("screen.png", bytes))
        #expect(image.format == .png && image.width == 800 && image.height == 600)
        #expect(image.summary.mimeType == "image/png" && image.summary.fileSize == Int64(bytes.count))
        #expect(image.summary.uploadHash == String(decoding: try run(["sha256sum"], input: bytes).output.prefix(64), as: UTF8.self))
        #expect(try fixture.images.data(image.id) == bytes)
        #expect(try fixture.images.list(issueId: issueId).map(\.id) == [image.id])
        let audit = try #require(try fixture.audit.list(AuditFilter(action: "upload_image_attachment")).first)
        #expect(audit.entityId == image.id && audit.details.contains("\"is_paste\":false"))
        // A name says nothing: a GIF called .png is a GIF.
        let gif = try fixture.images.attach(issueId: issueId, path: try fixture.file("really.png", ImageSamples.gif(3, 4)))
        #expect(gif.format == .gif && gif.summary.mimeType == "image/gif")
    }

    @Test func unknownFormatsAndOversizedImagesAreRefused() throws {
        #expect(throws: ImportError.unknownImageFormat(name: "notes.png")) {
            try fixture.images.attach(issueId: issueId, path: try fixture.file("notes.png", Array("just text".utf8)))
        }
        let big = try fixture.file("big.png", ImageSamples.png(10, 10))
        #expect(truncate(big, 10 << 20 + 1) == 0)
        #expect(throws: ImportError.imageTooLarge(name: "big.png", size: 10 << 20 + 1)) {
            try fixture.images.attach(issueId: issueId, path: big)
        }
        #expect(throws: ImportError.missingFile(path: "/nope.png")) { try fixture.images.attach(issueId: issueId, path: "/nope.png") }
        #expect(try fixture.count("image_attachments") == 0)
        #expect(try fixture.audit.list(AuditFilter(action: "upload_image_attachment")).isEmpty)
        // Exactly 10 MiB is allowed.
        #expect(truncate(big, 10 << 20) == 0)
        #expect(try fixture.images.attach(issueId: issueId, path: big).summary.fileSize == 10 << 20)
    }

    @Test func exportWritesTheSameBytes() throws {
        let bytes = ImageSamples.jpeg(64, 32)
        let image = try fixture.images.attach(issueId: issueId, path: try fixture.file("photo.jpg", bytes))
        let path = fixture.directory + "/photo-copy.jpg"
        #expect(try fixture.images.export(image.id, to: path) == path)
        #expect(FileManager.default.contents(atPath: path).map([UInt8].init) == bytes)
        #expect(throws: TriageError.exportExists(path: path)) { try fixture.images.export(image.id, to: path) }
    }

    @Test func attachmentsAcrossIssuesAreSearchedByFileNameAndIssue() throws {
        let other = try fixture.issues.create(IssueDraft(title: "Payment gateway 502")).id
        let screenshot = try fixture.images.attach(issueId: issueId, path: try fixture.file("grafana_50%.png", ImageSamples.png(1, 1)))
        fixture.clock.advance(1)
        let log = try fixture.logs.importLog(issueId: other, path: try fixture.file("gateway.log", Array("502\n".utf8)))
        #expect(try fixture.attachments.list().map(\.id) == [log.id, screenshot.id], "newest first")
        #expect(try fixture.attachments.list(search: "GATEWAY").map(\.id) == [log.id], "file name or issue title")
        #expect(try fixture.attachments.list(search: "_50%").map(\.id) == [screenshot.id], "wildcards are literal")
        #expect(try fixture.attachments.list(search: "5_%").isEmpty)
        #expect(try fixture.attachments.list(issueId: issueId).map(\.kind) == [.image])
        let first = try #require(try fixture.attachments.list(issueId: other).first)
        #expect(first.issueTitle == "Payment gateway 502" && first.fileName == "gateway.log" && first.kind == .log)
    }
}
