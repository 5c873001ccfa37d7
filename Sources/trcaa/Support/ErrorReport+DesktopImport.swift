import TRCAACore

extension ErrorReport {
    init(_ error: DesktopImportError) {
        switch error {
        case .notFound(_, let searched):
            self.init(message: "no TRCAA desktop database found (looked for \(searched.joined(separator: ", ")))",
                      hint: "give its path: trcaa db import-trcaa PATH/tftsr.db", code: ExitStatus.noInput)
        case .noKeyOpens(let path, let tried) where tried.isEmpty:
            self.init(message: "there is no key to open the desktop database \(path): TRCAA_DB_KEY and TFTSR_DB_KEY are "
                          + "not set and there is no .dbkey beside it",
                      hint: "put the desktop's key (its .dbkey) in a variable and pass --source-key-env VAR",
                      code: ExitStatus.permission)
        case .noKeyOpens(let path, let tried):
            self.init(message: "no key opens the desktop database \(path) (tried: \(tried.joined(separator: "; ")))",
                      hint: "put the desktop's key (its .dbkey) in a variable and pass --source-key-env VAR",
                      code: ExitStatus.permission)
        case .keyVariableUnset(let variable):
            self.init(message: "the environment variable \(variable) is not set or blank", hint: nil, code: ExitStatus.usage)
        case .isOwnStore(let path):
            self.init(message: "\(path) is this trcaa store itself, not a desktop database",
                      hint: "give the desktop's tftsr.db", code: ExitStatus.usage)
        case .unfinishedWrite(let path):
            self.init(message: "the desktop app stopped in the middle of a write to \(path) (\(path)-journal is left); nothing was read",
                      hint: "start and quit the desktop app once: it rolls the unfinished write back", code: ExitStatus.busy)
        case .notDesktopDatabase(let path, let reason):
            self.init(message: "\(path) is not a TRCAA desktop database: \(reason)", hint: "give the desktop's tftsr.db",
                      code: ExitStatus.dataError)
        }
    }
}
