/// One entry of the keymap: the keys, the action they send, and how help, the palette and the
/// footer describe it.
public struct Binding: Sendable {
    /// The keys; the first is the one shown in hints.
    public var keys: [Key]
    public var action: Action
    /// A sentence for help and the palette: "Change the status of the selected issue".
    public var help: String
    /// A word or two for the footer; `nil` keeps the binding out of the footer.
    public var hint: String?

    public init(_ keys: [Key], _ action: Action, _ help: String, hint: String? = nil) {
        self.keys = keys
        self.action = action
        self.help = help
        self.hint = hint
    }

    /// The keys as help shows them: `j ↓`.
    public var keyLabels: String { keys.map(\.label).joined(separator: " ") }
}
