extension TextEditorState {
    /// Applies an editing key: characters, Enter (new line), Backspace/Delete joining lines,
    /// arrows, Home/End, PgUp/PgDn; keeps the cursor row in the `visibleRows` window.
    mutating func handle(_ key: Key, visibleRows: Int) {
        var line = Array(lines[row])
        column = min(column, line.count)
        switch key {
        case .char(let c):
            line.insert(c, at: column); column += 1; lines[row] = String(line)
        case .enter:
            lines[row] = String(line[..<column])
            lines.insert(String(line[column...]), at: row + 1)
            row += 1; column = 0
        case .backspace:
            if column > 0 {
                line.remove(at: column - 1); column -= 1; lines[row] = String(line)
            } else if row > 0 {
                column = lines[row - 1].count
                lines[row - 1] += lines[row]
                lines.remove(at: row); row -= 1
            }
        case .delete:
            if column < line.count {
                line.remove(at: column); lines[row] = String(line)
            } else if row + 1 < lines.count {
                lines[row] += lines[row + 1]; lines.remove(at: row + 1)
            }
        case .left:
            if column > 0 { column -= 1 } else if row > 0 { row -= 1; column = lines[row].count }
        case .right:
            if column < line.count { column += 1 } else if row + 1 < lines.count { row += 1; column = 0 }
        case .up: row = max(0, row - 1)
        case .down: row = min(lines.count - 1, row + 1)
        case .home, .ctrl("a"): column = 0
        case .end, .ctrl("e"): column = line.count
        case .pageUp: row = max(0, row - visibleRows)
        case .pageDown: row = min(lines.count - 1, row + visibleRows)
        case .tab: line.insert(contentsOf: "    ", at: column); column += 4; lines[row] = String(line)
        default: break
        }
        column = min(column, lines[row].count)
        if row < scroll { scroll = row }
        if row >= scroll + visibleRows { scroll = row - visibleRows + 1 }
    }
}
