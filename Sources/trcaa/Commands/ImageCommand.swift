import ArgumentParser
import Foundation
import TRCAACore

/// `trcaa image …`: screenshots and other images attached to issues.
struct ImageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "image",
        abstract: "Attach, list, describe and export images (png, jpeg, gif, webp, bmp, svg; at most 10 MiB).",
        subcommands: [Attach.self, List.self, Show.self, Export.self]
    )
}

extension ImageCommand {
    struct Attach: StoreCommand {
        static let configuration = CommandConfiguration(
            commandName: "attach",
            abstract: "Attach images to an issue; prints each new image's id.",
            discussion: "The type is recognised from the content, not the name; other formats are refused.")

        @OptionGroup(title: "Global Options") var global: GlobalOptions
        @Argument(help: "The issue: 42, #42, OPS-42 or an id prefix.") var issue: String
        @Argument(help: "Image files.") var paths: [String]
        @Flag(name: .shortAndLong, help: "Print only the ids.") var quiet = false

        func validate() throws {
            guard !paths.isEmpty else { throw ValidationError("give at least one image file") }
        }

        func run(in workspace: Workspace) throws {
            let issueId = try workspace.issues.resolve(issue)
            var firstFailure: ErrorReport?
            for path in paths {
                do {
                    let image = try workspace.images.attach(issueId: issueId, path: path)
                    print(image.id)
                    if !quiet { Console.notice("attached \(image.summary.fileName): \(ImageText.describe(image))") }
                } catch {
                    let report = ErrorReport(error)
                    Console.error(report)
                    if firstFailure == nil { firstFailure = report }
                }
            }
            if let firstFailure { throw ExitCode(firstFailure.code) }
        }
    }

    struct List: StoreCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the images of an issue, or of every issue.")

        @OptionGroup(title: "Global Options") var global: GlobalOptions
        @Argument(help: "The issue: 42, #42, OPS-42 or an id prefix (default: every issue).") var issue: String?
        @Flag(help: "Print the result as JSON.") var json = false

        func run(in workspace: Workspace) throws {
            let images = try workspace.images.list(issueId: try issue.map(workspace.issues.resolve))
            if json { return try Console.printJSON(images) }
            guard !images.isEmpty else { return Console.notice("no images yet; attach one with: trcaa image attach ISSUE FILE") }
            let rows = try images.map { image in
                [try workspace.images.shortId(image.id), try workspace.issues.key(image.summary.issueId),
                 image.format?.rawValue ?? image.summary.mimeType, ImageText.pixels(image),
                 ByteSize.describe(image.summary.fileSize), TimeText.relative(image.summary.uploadedAt),
                 image.summary.fileName]
            }
            print(TextTable(header: ["ID", "ISSUE", "TYPE", "PIXELS", "SIZE", "UPLOADED", "NAME"], rows: rows)
                .render(width: global.output.width))
        }
    }

    struct Show: StoreCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Describe an image: type, pixel size, size, hash.")

        @OptionGroup(title: "Global Options") var global: GlobalOptions
        @Argument(help: "The image: 42/I1 (issue 42's first) or an id prefix.") var image: String
        @Flag(help: "Print the result as JSON.") var json = false

        func run(in workspace: Workspace) throws {
            let detail = try workspace.images.detail(try workspace.images.resolve(image))
            if json { return try Console.printJSON(detail) }
            let issue = try workspace.issues.get(detail.summary.issueId)
            let rows: [(String, String)] = [
                ("Image", detail.id),
                ("Name", detail.summary.fileName),
                ("Issue", "\(try workspace.issues.key(issue.id))  \(issue.title)"),
                ("Type", "\(detail.format?.rawValue.uppercased() ?? "unknown") (\(detail.summary.mimeType))"),
                ("Pixels", ImageText.pixels(detail)),
                ("Size", "\(ByteSize.describe(detail.summary.fileSize)) (\(detail.summary.fileSize) bytes)"),
                ("SHA-256", detail.summary.uploadHash),
                ("Source", detail.filePath.isEmpty ? "-" : detail.filePath),
                ("Uploaded", TimeText.detail(detail.summary.uploadedAt)),
            ]
            for (label, value) in rows { print(label.padding(toLength: 10, withPad: " ", startingAt: 0) + value) }
        }
    }

    struct Export: StoreCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Write an image to a file (mode 0600); prints the file's path.")

        @OptionGroup(title: "Global Options") var global: GlobalOptions
        @Argument(help: "The image: 42/I1 (issue 42's first) or an id prefix.") var image: String
        @Option(name: .shortAndLong, help: ArgumentHelp("The file to write.", valueName: "file")) var output: String
        @Flag(help: "Replace the file if it exists.") var force = false

        func run(in workspace: Workspace) throws {
            print(try workspace.images.export(try workspace.images.resolve(image), to: output, replacing: force))
        }
    }
}

/// How images are described in lists and messages.
enum ImageText {
    /// `1920×1080`, or `?` when the header does not say.
    static func pixels(_ image: ImageDetail) -> String {
        guard let width = image.width, let height = image.height else { return "?" }
        return "\(width)×\(height)"
    }

    /// `PNG 1920×1080, 245 KiB`.
    static func describe(_ image: ImageDetail) -> String {
        "\(image.format?.rawValue.uppercased() ?? image.summary.mimeType) \(pixels(image)), \(ByteSize.describe(image.summary.fileSize))"
    }
}
