/// Patterns as the redacted view shows them. A template keeps a line's text where every line
/// of the pattern wrote the same value (a user name, a host, a mailbox), so its literal text
/// can hold PII that the log's spans hide in the lines. The redacted view scans each template
/// with the detector that scans logs and writes each value found as its type's plain token;
/// the variables (`<ip>`, `<num>`, …) are left as they are. Numbered tokens are not used: a
/// template's values are not the log's spans, so they could not carry the lines' numbers.
extension LogPatternSummary {
    /// `patterns` with PII in their templates replaced by plain tokens (the other bucket,
    /// whose template is trcaa's own text, as it is).
    public static func redactingTemplates(_ patterns: [LogPatternSummary]) -> [LogPatternSummary] {
        let templates = Redaction.redact(patterns.map(\.template))
        return zip(patterns, templates).map { pattern, template in
            var redacted = pattern
            if !pattern.isOther { redacted.template = template }
            return redacted
        }
    }
}

extension LogPatternDiff {
    /// The diff with its templates as the redacted view shows them. Patterns are matched on
    /// the stored templates first: two patterns that differ only in a redacted value stay two.
    public func redactingTemplates() -> LogPatternDiff {
        var diff = self
        diff.added = LogPatternSummary.redactingTemplates(added)
        diff.removed = LogPatternSummary.redactingTemplates(removed)
        let redacted = LogPatternSummary.redactingTemplates(changed.map(\.after))
        diff.changed = zip(changed, redacted).map { change, after in
            var change = change
            // Matched by template: before and after wrote the same one.
            (change.template, change.before.template, change.after.template) = (after.template, after.template, after.template)
            return change
        }
        return diff
    }
}
