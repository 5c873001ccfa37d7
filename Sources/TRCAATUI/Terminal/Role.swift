/// What a cell shows, not how: the theme decides colours and attributes per role, so meaning
/// survives 8 colours, `NO_COLOR` and monochrome terminals.
public enum Role: UInt8, Sendable, CaseIterable {
    case normal
    case muted
    case title
    case header
    case border
    case key
    case statusBar
    case info
    case error
    case warning
    case success
    case match
    case severityP1
    case severityP2
    case severityP3
    case severityP4
    case tabActive
    case dialog
    case input
    /// PII in a log, by kind: keys and tokens, personal data, network names.
    case piiCredential
    case piiPersonal
    case piiNetwork
}
