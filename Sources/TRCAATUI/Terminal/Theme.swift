/// A colour of the 8/16-colour palette; the terminal's own colour when absent.
public enum TerminalColor: Int16, Sendable {
    case black = 0, red, green, yellow, blue, magenta, cyan, white
}

/// How a role looks: optional foreground and background, and attributes that carry the
/// meaning on their own when colours are off.
public struct TextStyle: Sendable, Equatable {
    public var foreground: TerminalColor?
    public var background: TerminalColor?
    public var bold = false
    public var dim = false
    public var underline = false
    public var reverse = false

    public init(foreground: TerminalColor? = nil, background: TerminalColor? = nil, bold: Bool = false,
                dim: Bool = false, underline: Bool = false, reverse: Bool = false) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.dim = dim
        self.underline = underline
        self.reverse = reverse
    }
}

/// Maps roles to styles. The default background is always the terminal's own, so light and
/// dark terminals both work; `monochrome` (for `NO_COLOR`, `--no-color` and terminals without
/// colours) keeps bold, underline and reverse only.
public struct Theme: Sendable {
    public let usesColor: Bool

    public static let color = Theme(usesColor: true)
    public static let monochrome = Theme(usesColor: false)

    /// The style of a cell with `role`, in reverse video when highlighted.
    public func style(for role: Role, highlighted: Bool) -> TextStyle {
        var style = usesColor ? colored(role) : plain(role)
        if highlighted { style.reverse.toggle() }
        return style
    }

    private func colored(_ role: Role) -> TextStyle {
        switch role {
        case .normal, .input: TextStyle()
        case .muted: TextStyle(dim: true)
        case .title: TextStyle(foreground: .cyan, bold: true)
        case .header: TextStyle(bold: true, underline: true)
        case .border: TextStyle(foreground: .blue)
        case .key: TextStyle(foreground: .cyan, bold: true)
        case .statusBar: TextStyle(reverse: true)
        case .info: TextStyle(foreground: .green, bold: true)
        case .error: TextStyle(foreground: .red, bold: true)
        case .warning: TextStyle(foreground: .yellow, bold: true)
        case .success: TextStyle(foreground: .green)
        case .match: TextStyle(foreground: .yellow, bold: true, underline: true)
        case .severityP1: TextStyle(foreground: .red, bold: true)
        case .severityP2: TextStyle(foreground: .yellow, bold: true)
        case .severityP3: TextStyle(foreground: .cyan)
        case .severityP4: TextStyle(dim: true)
        case .tabActive: TextStyle(foreground: .cyan, bold: true, reverse: true)
        case .dialog: TextStyle(bold: true)
        case .piiCredential: TextStyle(foreground: .red, reverse: true)
        case .piiPersonal: TextStyle(foreground: .magenta, bold: true)
        case .piiNetwork: TextStyle(foreground: .blue, underline: true)
        }
    }

    private func plain(_ role: Role) -> TextStyle {
        switch role {
        case .normal, .input, .border, .success: TextStyle()
        case .muted, .severityP4: TextStyle(dim: true)
        case .title, .key, .info, .warning, .severityP2, .severityP3, .dialog: TextStyle(bold: true)
        case .header, .match: TextStyle(bold: true, underline: true)
        case .statusBar, .tabActive: TextStyle(reverse: true)
        case .error, .severityP1: TextStyle(bold: true, underline: true)
        // The three kinds of PII stay apart without colour.
        case .piiCredential: TextStyle(bold: true, reverse: true)
        case .piiPersonal: TextStyle(reverse: true)
        case .piiNetwork: TextStyle(underline: true)
        }
    }
}
