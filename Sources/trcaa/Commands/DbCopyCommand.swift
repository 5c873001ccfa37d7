import ArgumentParser
import Foundation
import TRCAACore
import TRCAAStore

extension DbCommand {
    /// `trcaa db copy`: the store, or chosen issues, into another store.
    struct Copy: StoreCommand {
        static let configuration = CommandConfiguration(
            commandName: "copy",
            abstract: "Copy the whole store, or chosen issues with everything they hold, into another store.",
            discussion: """
                The target is a database file, created when missing and opened with the same key as this \
                store. Without --issue the whole store is copied, with its audit chain as it is, into a \
                target that holds no issues yet. With --issue, those issues come over with their whys, \
                timelines, logs, images, documents, incident events and action items; each gets one copy_issue \
                audit entry in the target that carries this store's audit rows for it, so both chains verify. \
                Ids are kept, and issue numbers where the target has them free. The target is written in one \
                transaction: an error leaves it as it was. This store is only read.
                """)

        @OptionGroup(title: "Global Options") var global: GlobalOptions
        @Option(help: ArgumentHelp("The database file to copy into.", valueName: "path")) var to: String
        @Option(name: .customLong("issue"), help: ArgumentHelp("An issue to copy (42, #42, OPS-42 or an id prefix); repeat for more.",
                                                                 valueName: "issue"))
        var issues: [String] = []
        @Flag(help: "Print the result as JSON.") var json = false

        func run(in workspace: Workspace) throws {
            let environment = ProcessInfo.processInfo.environment
            let (named, isThisStore) = try storeName(to, comparedWith: workspace)
            if isThisStore { throw StoreCopyError.sameStore(path: named) }
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: named, isDirectory: &isDirectory), isDirectory.boolValue {
                throw StoreCopyError.targetIsDirectory(path: to)
            }
            let ids = try issues.map(workspace.issues.resolve)
            let target = try Workspace.open(WorkspaceOptions(dataDirectory: global.dataDirectory, databasePath: to),
                                            environment: environment, logger: Console.logger)
            for notice in target.notices { Console.notice(notice) }
            let copy = StoreCopy(from: workspace.context, named: workspace.location.databasePath, into: target.context, named: named)
            let report = ids.isEmpty ? try copy.copyAll() : try copy.copy(issueIds: Array(Swift.Set(ids)).sorted())
            if let warning = target.database.foldWriteAheadLog() { Console.notice(warning) }
            if json { return try Console.printJSON(report) }
            for table in report.tables { print("\(table.table)\t\(table.rows)") }
            let renumbered = report.issues.filter { $0.sourceNumber != $0.targetNumber }
            for issue in renumbered {
                Console.notice("#\(issue.sourceNumber) “\(issue.title)” is #\(issue.targetNumber) in \(named): its number was taken there")
            }
            let what = report.wholeStore ? "the whole store (\(report.issues.count) issues, its audit chain)"
                : "\(report.issues.count) issue\(report.issues.count == 1 ? "" : "s")"
            Console.notice("copied \(what) into \(named); check it with: trcaa --db \(named) audit verify")
        }
    }
}
