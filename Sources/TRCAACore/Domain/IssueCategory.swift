/// The domain an issue belongs to (the original's 16 domains plus `general`, the default).
public enum IssueCategory: String, CaseIterable, Sendable, Codable {
    case linux, windows, network, kubernetes, databases, virtualization, hardware, observability, telephony
    case security
    case publicSafety = "public_safety"
    case application, automation
    case hpeInfra = "hpe_infra"
    case dellHardware = "dell_hardware"
    case identity, general

    /// Accepts the stored name in any case; `-` may stand for `_`.
    public init?(input: String) {
        self.init(rawValue: input.lowercased().replacingOccurrences(of: "-", with: "_"))
    }
}
