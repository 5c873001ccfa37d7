import TRCAAStore

/// Copies one table of the desktop database into this store, merging by key: a row whose
/// key is new here is inserted (in the desktop's formats converted to ours); a row already
/// here is left as it is, counted as already here when it is the same and as a conflict when
/// it differs. Without `writing`, only counts (a dry run).
struct DesktopTableCopy {
    let table: DesktopTablePlan.Table
    /// Whether the issue a row belongs to exists (or will, once the import has run).
    let issueExists: (String) throws -> Bool
    /// Completes a row before it is compared and stored; returns a warning for a person.
    var complete: ((inout [SQLValue], _ columns: [String]) -> String?)?

    func run(from source: Database, into store: Database, writing: Bool, warnings: inout [String]) throws
        -> DesktopTableResult
    {
        let name = "\"\(table.name)\""
        let columnList = table.columns.map { "\"\($0)\"" }.joined(separator: ", ")
        let select = try source.prepare("SELECT \(table.selections.joined(separator: ", ")) FROM \(name) ORDER BY \(table.order)")
        let existing = try store.prepare("SELECT \(columnList) FROM \(name) WHERE \"\(table.key)\" = ?")
        let insert = try store.prepare("""
            INSERT INTO \(name) (\(columnList)) VALUES (\(table.columns.map { _ in "?" }.joined(separator: ", ")))
            ON CONFLICT DO NOTHING
            """)
        let keyIndex = table.columns.firstIndex(of: table.key)!  // Safe: the plan keeps the key (both schemas have it).
        let issueIndex = table.columns.firstIndex(of: "issue_id")
        var result = DesktopTableResult(table: table.name)
        while try select.step() {
            var values = DesktopRowConversion.convert(select.row().values, table: table.name, columns: table.columns)
            if let issueIndex, case .text(let issueId) = values[issueIndex], try !issueExists(issueId) {
                result.orphans += 1
                warnings.append("\(table.name) \(Self.describe(values[keyIndex])) belongs to issue \(issueId), which is not in "
                    + "the desktop database; skipped")
                continue
            }
            let warning = complete?(&values, table.columns)
            if let here = try existing.firstRow([values[keyIndex]]) {
                var opened = here.values
                try SealedColumn.open(&opened, columns: table.columns, table: table.name, in: store)
                if opened == values { result.alreadyHere += 1 } else { result.conflicts.append(Self.describe(values[keyIndex])) }
                continue
            }
            if writing {
                var sealed = values
                SealedColumn.seal(&sealed, columns: table.columns, table: table.name, in: store)
                try insert.run(sealed)
                guard store.changes == 1 else {
                    result.conflicts.append(Self.describe(values[keyIndex]))  // another unique column (a service, a name) is taken
                    continue
                }
            }
            result.new += 1
            if let warning { warnings.append(warning) }
        }
        return result
    }

    private static func describe(_ key: SQLValue) -> String {
        switch key {
        case .text(let text): text
        case .integer(let number): String(number)
        default: "\(key)"
        }
    }
}
