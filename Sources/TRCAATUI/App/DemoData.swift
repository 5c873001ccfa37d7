import TRCAACore

/// A small incident history to explore the interface with, created through the services
/// (so it has real audit rows and timeline events).
enum DemoData {
    private struct DemoIssue {
        var draft: IssueDraft
        var status: IssueStatus
        var whys: [(question: String, answer: String, evidence: String)]
        var rootCauseStep: Int?
    }

    private static let issues: [DemoIssue] = [
        DemoIssue(
            draft: IssueDraft(title: "Checkout API returns 502 during peak traffic",
                              description: "Between 12:02 and 12:41 UTC about 8% of checkout requests failed with 502 from the load balancer.",
                              severity: .p1, category: .application, assignee: "alice", tags: ["checkout", "lb", "peak"]),
            status: .investigating,
            whys: [
                ("Why did checkout return 502?", "The upstream pool had no healthy members for seconds at a time.",
                 "lb-01 access log: 502 upstream_status=- at 12:02:14"),
                ("Why were members unhealthy?", "Health checks timed out while the JVMs were in long GC pauses.",
                 "gc.log: Full GC 4.8 s at 12:02:11"),
                ("Why were the GC pauses so long?", "The heap was sized for last year's traffic; the new cache doubled live data.",
                 "heap dump: 71% retained by PriceCache"),
            ],
            rootCauseStep: 3),
        DemoIssue(
            draft: IssueDraft(title: "Nightly backup job silently skipped two databases",
                              description: "The backup report showed success, but orders and billing had no dump for two nights.",
                              severity: .p2, category: .databases, assignee: "bob", tags: ["backup"]),
            status: .triaging,
            whys: [("Why were the dumps missing?", "The job's database list came from a stale inventory file.", "")],
            rootCauseStep: nil),
        DemoIssue(
            draft: IssueDraft(title: "VPN users disconnected every 60 minutes",
                              description: "Remote staff report drops on the hour since the certificate rotation.",
                              severity: .p3, category: .network, assignee: "", tags: ["vpn"]),
            status: .resolved,
            whys: [
                ("Why do sessions drop on the hour?", "Rekeying fails and the tunnel is torn down.", "vpn.log: IKE rekey failed"),
                ("Why does rekeying fail?", "The new certificate chain lacks the intermediate.", "openssl s_client output"),
            ],
            rootCauseStep: 2),
        DemoIssue(
            draft: IssueDraft(title: "Disk usage alert on build agents", severity: .p4, category: .general, tags: ["ci"]),
            status: .open, whys: [], rootCauseStep: nil),
    ]

    /// Creates the demo issues; returns how many.
    static func load(into workspace: Workspace) throws -> Int {
        for demo in issues {
            let issue = try workspace.issues.create(demo.draft)
            var steps: [WhyStep] = []
            for why in demo.whys {
                steps.append(try workspace.whys.add(issueId: issue.id, question: why.question, answer: why.answer,
                                                    evidence: why.evidence))
            }
            if let number = demo.rootCauseStep, steps.indices.contains(number - 1) {
                _ = try workspace.whys.markRootCause(stepId: steps[number - 1].id)
            }
            if demo.status != .open { _ = try workspace.issues.update(issue.id, IssueChanges(status: demo.status)) }
        }
        return issues.count
    }
}
