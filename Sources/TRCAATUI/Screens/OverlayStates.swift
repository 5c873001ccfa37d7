import TRCAACore

/// The help overlay: the focused context's keys first, then the global ones.
public struct HelpState: Sendable {
    /// The focus help was opened from (help describes it, not itself).
    public var focus: [KeyContext]
    public var scroll = 0
}

/// The `:` palette: every action available here, filtered fuzzily by name or key as you type.
public struct PaletteState: Sendable {
    public var focus: [KeyContext]
    public var editor = LineEditor()
    public var cursor = ListCursor()
}

/// A yes/no question; the answer starts on No.
public struct ConfirmState: Sendable {
    public var title: String
    public var message: String
    public var yesSelected = false
    public var onYes: [Effect]
}

/// A small form of one-line fields.
public struct FormState: Sendable, Equatable {
    public var title: String
    public var fields: [FormField]
    public var focused = 0
    public var purpose: FormPurpose
    public var error: String?

    public func value(_ index: Int) -> String { fields.indices.contains(index) ? fields[index].editor.text : "" }
}

public struct FormField: Sendable, Equatable {
    public var label: String
    public var editor: LineEditor
    /// Shown next to the field, e.g. the accepted values.
    public var note: String?

    public init(_ label: String, _ text: String = "", note: String? = nil) {
        self.label = label
        editor = LineEditor(text)
        self.note = note
    }
}

/// What a submitted form does.
public enum FormPurpose: Sendable, Equatable {
    case newIssue
    case addWhy(issueId: String)
    case editWhy(stepId: String)
    case editField(issueId: String, OverviewField)
    /// One field, a path (Tab completes it).
    case importLog(issueId: String)
    /// One field, the directory to export to.
    case exportDocument(documentId: String, ExportFormat)

    /// Whether Tab completes the field as a path instead of moving to the next one.
    var completesPath: Bool {
        switch self {
        case .importLog, .exportDocument: true
        default: false
        }
    }
}

/// A list to choose from; in filter mode several choices can be ticked.
public struct PickerState: Sendable {
    public var title: String
    public var options: [PickerOption]
    public var cursor = ListCursor()
    public var purpose: PickerPurpose
}

public struct PickerOption: Sendable, Equatable {
    public var label: String
    public var value: String
    public var isTicked = false
    /// A heading row that cannot be chosen (e.g. "Severity").
    public var isHeading = false

    public init(_ label: String, value: String, isTicked: Bool = false, isHeading: Bool = false) {
        self.label = label
        self.value = value
        self.isTicked = isTicked
        self.isHeading = isHeading
    }
}

public enum PickerPurpose: Sendable, Equatable {
    case status(issueId: String)
    case severity(issueId: String)
    case category(issueId: String)
    case filter
    /// Append the marked lines of the viewer of `logId` to the chosen why's evidence.
    case attachEvidence(logId: String)
    /// Append `evidence` (a pattern of a log, from its patterns pane) to the chosen why's evidence.
    case attachPattern(evidence: String)
    case generateDocument(issueId: String)
    /// The PII of a viewer line to dismiss: one span id, or several joined by commas.
    case dismissPII
    /// The filters of the viewer of `logId`: turned off or on, removed, then applied.
    case viewerFilters(logId: String)
    /// A histogram row: go to its first line in the viewer.
    case jumpToLine(logId: String)
    case exportFormat(documentId: String)

    /// Whether several options can be ticked (Space) before Enter.
    var ticksSeveral: Bool {
        switch self {
        case .filter, .viewerFilters: true
        default: false
        }
    }

    /// Whether options can be removed from the list (`x`).
    var removesEntries: Bool { if case .viewerFilters = self { true } else { false } }
}

/// The built-in multi-line editor, for when no `$VISUAL`/`$EDITOR` is set.
public struct TextEditorState: Sendable {
    public var title: String
    public var lines: [String]
    public var row = 0
    public var column = 0
    public var scroll = 0
    public var purpose: EditPurpose

    public init(title: String, text: String, purpose: EditPurpose) {
        self.title = title
        lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.isEmpty { lines = [""] }
        self.purpose = purpose
    }

    public var text: String { lines.joined(separator: "\n") }
}
