/// A row of `resolution_steps`: one level of the 5-Whys.
public struct WhyStep: Sendable, Equatable, Codable {
    public var id: String
    public var issueId: String
    /// 1…n, kept dense by the service.
    public var stepOrder: Int
    public var whyQuestion: String
    public var answer: String
    public var evidence: String
    @ISOTimestamp public var createdAt: String

    static let columns = "id, issue_id, step_order, why_question, answer, evidence, created_at"
}

/// The root cause of an issue and where it comes from.
public struct RootCause: Sendable, Equatable, Codable {
    public var text: String
    public var stepId: String
    public var stepOrder: Int
    /// Marked with `why root-cause` (a `root_cause_identified` event), rather than taken from
    /// the last step's answer.
    public var isExplicit: Bool
    public var confidence: Double?
}
