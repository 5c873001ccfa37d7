import Foundation
import TRCAACore

/// The whole interface as a value: `update` changes it, `render` draws it.
public struct AppState: Sendable {
    public var size: Size
    /// The screens, the focused one last; `q`/Esc pops.
    public var screens: [any ScreenModel]
    /// A dialog, form, picker, prompt or help over the top screen.
    public var overlay: Overlay?
    public var status: StatusInfo
    /// A transient message in the status bar; errors stay until the next key.
    public var toast: Toast?
    /// Every message of the session, for the message log (`@`).
    public var messages = MessageHistory()
    /// What the analyst set up in each log's viewer, by log id, kept while the interface runs.
    public var keptViews: [String: KeptView] = [:]
    /// The order the patterns panes list in (`o`), kept from one pane to the next.
    public var patternSort: LogPatternSort = .count
    /// Where exports go unless told otherwise: the directory trcaa was started in.
    public var workingDirectory = FileManager.default.currentDirectoryPath
    /// The time relative dates are shown against (injected, so tests are stable).
    public var now: Date
    /// Whether `$VISUAL`/`$EDITOR` is set; without it long text opens the built-in editor.
    public var hasExternalEditor: Bool
    public var isQuitting = false
    /// The file an import is reading (on a queue of its own; `Ctrl-c` stops it).
    public var importing: String?
    /// When the clock tick next asks whether the store changed elsewhere.
    public var nextExternalCheck = Date.distantPast

    public init(size: Size, status: StatusInfo, now: Date, hasExternalEditor: Bool) {
        self.size = size
        screens = [IssueListState()]
        self.status = status
        self.now = now
        self.hasExternalEditor = hasExternalEditor
    }

    public var topScreen: any ScreenModel { screens.last ?? IssueListState() }

    /// The contexts that receive keys, outermost first.
    public var focus: [KeyContext] {
        if let overlay { return [overlay.context] }
        return topScreen.contexts
    }
}

/// Where the database is and how it is protected, for the status bar.
public struct StatusInfo: Sendable, Equatable {
    public var databaseName: String
    /// One word for the status bar: `env`, `key-file`, `generated`.
    public var keySource: String
    /// Where the key came from, in full, for the welcome screen.
    public var keyDescription: String
    public var totalIssues = 0
    /// Long work under way ("importing app.log 40%"), shown while no toast is.
    public var activity: String?
    public var dataDirectory: String
    /// A TRCAA desktop database found where the desktop app keeps it: the welcome screen
    /// offers to import it.
    public var desktopDatabase: String?

    public init(databaseName: String, keySource: String, keyDescription: String, dataDirectory: String) {
        self.databaseName = databaseName
        self.keySource = keySource
        self.keyDescription = keyDescription
        self.dataDirectory = dataDirectory
    }
}

/// A short message in the status bar.
public struct Toast: Sendable, Equatable {
    public var text: String
    public var isError: Bool
    /// When an information toast disappears.
    public var expires: Date

    public init(_ text: String, isError: Bool = false, expires: Date) {
        self.text = text
        self.isError = isError
        self.expires = expires
    }
}

/// Something drawn over the top screen that takes the keys until it closes.
public enum Overlay: Sendable {
    case help(HelpState)
    case palette(PaletteState)
    case confirm(ConfirmState)
    case form(FormState)
    case picker(PickerState)
    case textEditor(TextEditorState)
    case message(title: String, text: String)

    var context: KeyContext {
        switch self {
        case .help: .help
        case .palette: .palette
        case .confirm: .confirm
        case .form: .form
        case .picker: .picker
        case .textEditor: .textEditor
        case .message: .message
        }
    }
}
