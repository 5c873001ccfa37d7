import TRCAACore

extension ErrorReport {
    init(_ error: StoreCopyError) {
        switch error {
        case .sameStore(let path):
            self.init(message: "\(path) is the store being copied", hint: "give another file with --to", code: ExitStatus.usage)
        case .targetIsDirectory(let path):
            self.init(message: "\(path) is a directory, not a database file",
                      hint: "name a file in it: --to \(path.hasSuffix("/") ? path : path + "/")trcaa-copy.db", code: ExitStatus.cannotCreate)
        case .targetNotEmpty(let path, let issues):
            self.init(message: "\(path) already holds \(issues == 0 ? "an audit log" : "\(issues) issue\(issues == 1 ? "" : "s")"); "
                          + "a whole store is copied only into an empty one, with its audit chain; nothing was written",
                      hint: "copy chosen issues with --issue ID, or give a new file", code: ExitStatus.dataError)
        case .alreadyThere(let path, let issues):
            self.init(message: "\(path) already holds \(issues.joined(separator: ", ")); "
                          + "nothing was written",
                      hint: "leave \(issues.count == 1 ? "it" : "them") out of --issue", code: ExitStatus.dataError)
        }
    }
}
