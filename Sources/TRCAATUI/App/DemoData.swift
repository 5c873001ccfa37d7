import Foundation
import TRCAACore

/// A small incident history to explore the interface with, read from `Resources/demo` and
/// created through the services (so it has real audit rows and timeline events).
enum DemoData {
    private struct DemoIssue: Decodable {
        struct Why: Decodable {
            var question: String
            var answer: String
            var evidence: String
        }

        var title: String
        var description: String
        var severity: String
        var category: String
        var assignee: String
        var tags: [String]
        var status: String
        var whys: [Why]
        /// The step (from 1) marked as the root cause, if any.
        var rootCauseStep: Int?
    }

    /// Why the demo data could not be loaded.
    struct Unavailable: Error, CustomStringConvertible {
        let description: String
    }

    /// Creates the demo issues; returns how many.
    static func load(into workspace: Workspace) throws -> Int {
        let demos = try issues()
        for demo in demos {
            guard let severity = Severity(input: demo.severity), let category = IssueCategory(input: demo.category),
                  let status = IssueStatus(input: demo.status) else {
                throw Unavailable(description: "the demo issue “\(demo.title)” has an unknown severity, category or status")
            }
            let issue = try workspace.issues.create(IssueDraft(
                title: demo.title, description: demo.description, severity: severity, category: category,
                assignee: demo.assignee, tags: demo.tags))
            var steps: [WhyStep] = []
            for why in demo.whys {
                steps.append(try workspace.whys.add(issueId: issue.id, question: why.question, answer: why.answer,
                                                    evidence: why.evidence))
            }
            if let number = demo.rootCauseStep, steps.indices.contains(number - 1) {
                _ = try workspace.whys.markRootCause(stepId: steps[number - 1].id)
            }
            if status != .open { _ = try workspace.issues.update(issue.id, IssueChanges(status: status)) }
        }
        return demos.count
    }

    private static func issues() throws -> [DemoIssue] {
        guard let url = ResourceFile.url("demo/issues.json") else {
            throw Unavailable(description: "the demo data is not installed: \(ResourceFile.bundleName) "
                              + "belongs next to the trcaa binary")
        }
        return try JSONDecoder().decode([DemoIssue].self, from: Data(contentsOf: url))
    }
}
