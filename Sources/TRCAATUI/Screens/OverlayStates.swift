import Foundation
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
    /// What No (or leaving the question) does; nothing by default.
    public var onNo: [Effect] = []
}

/// A small form of one-line fields.
public struct FormState: Sendable, Equatable {
    public var title: String
    public var fields: [FormField]
    public var focused = 0
    public var purpose: FormPurpose
    public var error: String?

    /// The text of the field `id` (empty when the form has none).
    public func value(_ id: FormField.ID) -> String { fields.first { $0.id == id }?.editor.text ?? "" }

    /// The position of the field `id`.
    func index(of id: FormField.ID) -> Int { fields.firstIndex { $0.id == id } ?? 0 }
}

/// A field of a form: what it holds, its label and text, and how it is typed into.
public struct FormField: Sendable, Equatable {
    /// What a field holds: forms are read by name, not by position.
    public enum ID: Sendable, Equatable {
        case title, severity, category, assignee, tags, description, question, answer, evidence, path, directory, content
        case time, kind, owner, due, priority
    }

    /// How Tab helps: a path completes against the file system, a choice against its values.
    public enum Kind: Sendable, Equatable {
        case text, path
        case choice([String])
    }

    public var id: ID
    public var label: String
    public var editor: LineEditor
    /// Shown under the field while it is focused, e.g. the accepted values.
    public var note: String?
    public var kind: Kind

    public init(_ id: ID, _ label: String, _ text: String = "", note: String? = nil, kind: Kind = .text) {
        self.id = id
        self.label = label
        editor = LineEditor(text)
        self.note = note
        self.kind = kind
    }

    /// A field taking one of `choices`: Tab completes what is typed, the note lists what fits.
    static func choice(_ id: ID, _ label: String, _ text: String, _ choices: [String]) -> FormField {
        FormField(id, label, text, note: choices.joined(separator: "  "), kind: .choice(choices))
    }
}

/// What a submitted form does.
public enum FormPurpose: Sendable, Equatable {
    case newIssue
    case addWhy(issueId: String)
    /// A new why whose evidence is `evidence` (lines marked in a viewer).
    case addWhyWithEvidence(issueId: String, evidence: String)
    case editWhy(WhyStep)
    /// `start`: where relative times (`+15m`) count from.
    case addIncidentEvent(issueId: String, start: Date?)
    case editIncidentEvent(eventId: String, start: Date?)
    case addActionItem(issueId: String)
    case editActionItem(itemId: String)
    case editField(Issue, OverviewField)
    /// One field, a path (Tab completes it).
    case importLog(issueId: String)
    /// The content (`ExportContent`) and the directory to export to.
    case exportDocument(documentId: String, ExportFormat)
}

/// A list to choose from; in filter mode several choices can be ticked.
public struct PickerState: Sendable {
    public var title: String
    public var options: [PickerOption]
    public var cursor = ListCursor()
    public var purpose: PickerPurpose
}

public struct PickerOption: Sendable, Equatable {
    /// What choosing an option means, typed: a status, not the text "status:open".
    public enum Value: Sendable, Equatable {
        case status(IssueStatus), severity(Severity), category(IssueCategory)
        case document(DocumentKind), format(ExportFormat)
        /// A why step, a PII type, a value of one: an id or a text.
        case text(String)
        /// Spans of PII, by id.
        case spans([String])
        /// A line of a log (0-based), or an entry of a list by position.
        case line(Int), index(Int)
        /// A heading row.
        case none
        /// "Something new" (a new why) rather than an existing entry.
        case newEntry
        case incidentKind(IncidentEventKind)
        case confidence(Double)
    }

    public var label: String
    public var value: Value
    public var isTicked = false
    /// A heading row that cannot be chosen (e.g. "Severity").
    public var isHeading = false

    public init(_ label: String, _ value: Value, isTicked: Bool = false) {
        self.label = label
        self.value = value
        self.isTicked = isTicked
    }

    /// A heading row (e.g. "Severity").
    static func heading(_ label: String) -> PickerOption {
        var option = PickerOption(label, .none)
        option.isHeading = true
        return option
    }
}

public enum PickerPurpose: Sendable, Equatable {
    /// The issue as the picker opened on it (what the change is checked against).
    case status(Issue)
    case severity(Issue)
    case category(Issue)
    case filter
    /// Append the marked lines of the viewer of `logId` to the chosen why's evidence.
    case attachEvidence(logId: String)
    /// Append a pattern (of one log or several, from a patterns pane) and its first lines,
    /// redacted or not, to the chosen why's evidence.
    case attachPattern([PatternOccurrence], redacted: Bool)
    /// Which of its logs to show the selected pattern of the issue's patterns pane in.
    case issuePatternLog
    case generateDocument(issueId: String)
    /// The kind of the incident events made from lines `lines` (0-based) of log `logId`.
    case incidentKind(logId: String, lines: [Int])
    /// How sure the analyst is that step `stepId` is the root cause.
    case rootCauseConfidence(stepId: String)
    /// The PII of a viewer line to dismiss: one span id, or several joined by commas.
    case dismissPII
    /// The filters of the viewer of `logId`: turned off or on, removed, then applied.
    case viewerFilters(logId: String)
    /// A PII type of the viewer of `logId`, to list its top values.
    case topValuesType(logId: String)
    /// One of the top values of a viewer: filter to the lines with it.
    case topValue(logId: String)
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

extension FormField.Kind {
    /// The values of a choice field.
    var choices: [String]? { if case .choice(let choices) = self { choices } else { nil } }
}

extension FormField {
    /// Tab in a choice field: the typed text completed as far as the values that start with it
    /// agree (in any case); the note lists those values, or says none does.
    mutating func completeChoice() {
        guard let choices = kind.choices else { return }
        let typed = editor.text.trimmingCharacters(in: .whitespaces).lowercased()
        let fitting = choices.filter { $0.lowercased().hasPrefix(typed) }
        guard let first = fitting.first else {
            note = "none starts with “\(editor.text)”: " + choices.joined(separator: "  ")
            return
        }
        let common = fitting.dropFirst().reduce(first.lowercased()) { String($0.commonPrefix(with: $1.lowercased())) }
        editor = LineEditor(fitting.count == 1 ? first : String(first.prefix(common.count)))
        note = fitting.joined(separator: "  ")
    }
}
