/// A place keys are bound in. Screens, tabs and overlays each have one; lookups go from the
/// focused context down to `global`.
public enum KeyContext: String, CaseIterable, Sendable {
    case global, navigation, welcome, issueList, searchPrompt, issueDetail
    case overview, whys, timeline, actions, attachments, documents, logViewer, patterns, issuePatterns, documentView, attachmentList, auditLog, messageLog
    case help, palette, confirm, form, picker, textEditor, message

    /// The heading help uses for this context's keys.
    public var title: String {
        switch self {
        case .global: "Everywhere"
        case .navigation: "Moving"
        case .welcome: "Welcome"
        case .issueList: "Issue list"
        case .searchPrompt: "Search"
        case .issueDetail: "Issue"
        case .overview: "Overview"
        case .whys: "5-Whys"
        case .timeline: "Timeline"
        case .actions: "Action items"
        case .attachments: "Attachments"
        case .documents: "Documents"
        case .logViewer: "Log viewer"
        case .patterns: "Patterns"
        case .issuePatterns: "Patterns of all the logs"
        case .documentView: "Document"
        case .attachmentList: "Attachments of every issue"
        case .auditLog: "Audit log"
        case .messageLog: "Message log"
        case .help: "Help"
        case .palette: "Command palette"
        case .confirm: "Confirmation"
        case .form: "Form"
        case .picker: "Choice"
        case .textEditor: "Editor"
        case .message: "Message"
        }
    }

    /// Overlays take every key: only their own bindings (and Ctrl-c) apply beneath them.
    public var isModal: Bool {
        switch self {
        case .help, .palette, .confirm, .form, .picker, .textEditor, .message, .searchPrompt: true
        default: false
        }
    }
}
