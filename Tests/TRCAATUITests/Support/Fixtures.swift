import Foundation
@testable import TRCAACore
@testable import TRCAATUI

/// Fixed issues and details for screen tests: stable ids and dates, so screens can be
/// compared whole.
enum Fixtures {
    static let now = Date(timeIntervalSince1970: 1_790_000_000)  // 2026-09-21 14:13:20 UTC

    static func issue(_ n: Int, title: String, severity: String = "P3", status: String = "open",
                      category: String = "general", assignee: String = "", tags: [String] = [],
                      description: String = "", updated: String = "2026-09-21 12:00:00") -> Issue {
        Issue(id: String(format: "0190a1b2-%04x-7000-8000-00000000%04x", n, n), title: title, description: description,
              severity: severity, status: status, category: category, source: "manual",
              createdAt: "2026-09-20 09:30:00", updatedAt: updated, resolvedAt: status == "resolved" ? updated : nil,
              assignedTo: assignee, tags: tags, number: n, key: "#\(n)")
    }

    static let issues: [IssueSummary] = [
        IssueSummary(issue: issue(1, title: "Checkout API returns 502 during peak traffic", severity: "P1",
                                  status: "investigating", category: "application", assignee: "alice",
                                  updated: "2026-09-21 14:08:00"), logCount: 2, stepCount: 3),
        IssueSummary(issue: issue(2, title: "数据库连接超时 on db01 🚀", severity: "P2", status: "triaging",
                                  category: "databases", assignee: "bob", updated: "2026-09-21 11:13:20"), logCount: 0, stepCount: 1),
        IssueSummary(issue: issue(3, title: "VPN users disconnected every 60 minutes", status: "resolved",
                                  category: "network", updated: "2026-09-18 10:00:00"), logCount: 1, stepCount: 0),
        IssueSummary(issue: issue(4, title: "Café printer jams (naïve retry)", severity: "P4", category: "hardware",
                                  updated: "2026-07-01 08:00:00"), logCount: 0, stepCount: 0),
    ]

    static var detail: IssueDetail {
        let base = issues[0].issue
        let steps = [
            WhyStep(id: "s1", issueId: base.id, stepOrder: 1, whyQuestion: "Why did checkout return 502?",
                    answer: "The upstream pool had no healthy members.", evidence: "lb-01 access log line 1432",
                    createdAt: "2026-09-21 12:05:00"),
            WhyStep(id: "s2", issueId: base.id, stepOrder: 2, whyQuestion: "Why were members unhealthy?",
                    answer: "Health checks timed out during long GC pauses.", evidence: "", createdAt: "2026-09-21 12:20:00"),
            WhyStep(id: "s3", issueId: base.id, stepOrder: 3, whyQuestion: "Why were the GC pauses so long?",
                    answer: "The heap was sized for last year's traffic.", evidence: "heap dump: 71% PriceCache",
                    createdAt: "2026-09-21 13:00:00"),
        ]
        let timeline = [
            TimelineEvent(id: "t1", issueId: base.id, eventType: "triage_started", description: "Issue created",
                          metadata: "{}", createdAt: "2026-09-20 09:30:00"),
            TimelineEvent(id: "t2", issueId: base.id, eventType: "why_level_advanced",
                          description: "Why #1: Why did checkout return 502?", metadata: "{\"level\":1}",
                          createdAt: "2026-09-21 12:05:00"),
            TimelineEvent(id: "t3", issueId: base.id, eventType: "root_cause_identified",
                          description: "The heap was sized for last year's traffic.", metadata: "{}",
                          createdAt: "2026-09-21 13:10:00"),
        ]
        let incident = [
            IncidentEvent(id: "i1", issueId: base.id, occurredAt: "2026-09-20 12:02:10", kind: .impactStarted,
                          description: "Checkout starts returning 502", evidence: "lb.log:88: 12:02:10 upstream 502 /checkout",
                          logFileId: nil, lineNumber: nil, createdAt: "2026-09-21 12:10:00", createdBy: "alice"),
            IncidentEvent(id: "i2", issueId: base.id, occurredAt: "2026-09-20 12:09:40", kind: .detected,
                          description: "Error-rate alert pages the on-call", evidence: "", logFileId: nil, lineNumber: nil,
                          createdAt: "2026-09-21 12:11:00", createdBy: "alice"),
            IncidentEvent(id: "i3", issueId: base.id, occurredAt: "2026-09-20 12:41:05", kind: .mitigated,
                          description: "Heap raised to 4 GiB, pods restarted", evidence: "", logFileId: nil, lineNumber: nil,
                          createdAt: "2026-09-21 12:12:00", createdBy: "alice"),
        ]
        let actions = [
            ActionItem(id: "a1", issueId: base.id, description: "Size the heap from load tests, not last year's traffic",
                       owner: "alice", dueDate: "2026-10-01", priority: .p1, status: .open,
                       createdAt: "2026-09-21 13:20:00", updatedAt: "2026-09-21 13:20:00"),
            ActionItem(id: "a2", issueId: base.id, description: "Alert on PriceCache heap share", owner: "", dueDate: "",
                       priority: .p2, status: .done, createdAt: "2026-09-21 13:21:00", updatedAt: "2026-09-22 09:00:00"),
        ]
        var issue = base
        issue.description = "Between 12:02 and 12:41 UTC about 8% of checkout requests failed with 502."
        issue.tags = ["checkout", "lb"]
        return IssueDetail(issue: issue, steps: steps,
                           rootCause: RootCause(text: steps[2].answer, stepId: "s3", stepOrder: 3, isExplicit: true,
                                                confidence: 1),
                           timeline: timeline, incidentEvents: incident, actionItems: actions, logFiles: [], images: [], documents: [])
    }

    /// An app state showing `screens`, as if loaded.
    static func state(_ size: Size, overlay: Overlay? = nil, detailTab: DetailTab? = nil) -> AppState {
        let status = StatusInfo(databaseName: "trcaa.db", keySource: "key-file",
                                keyDescription: "key file /home/analyst/.local/share/trcaa/.dbkey",
                                dataDirectory: "/home/analyst/.local/share/trcaa")
        var state = AppState(size: size, status: status, now: now, hasExternalEditor: false)
        _ = App.update(&state, .issuesLoaded(IssuePage(rows: issues, matching: issues.count, total: 4, offset: 0)))
        if let detailTab {
            state.screens.append(IssueDetailState(issueId: issues[0].issue.id))
            _ = App.update(&state, .detailLoaded(detail))
            _ = App.update(&state, .action(.showTab(detailTab.rawValue)))
        }
        state.overlay = overlay
        return state
    }

    static func render(_ state: AppState) -> [String] {
        let backend = TestBackend(size: state.size)
        var frame = CellBuffer(size: state.size)
        App.render(state, into: &frame)
        backend.draw(frame)
        return backend.lines
    }
}
