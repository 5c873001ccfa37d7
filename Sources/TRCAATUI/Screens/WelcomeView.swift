/// The first screen on an empty database: what to do first, and where things live.
enum WelcomeView {
    static func draw(_ state: AppState, in area: Rect, into buffer: inout CellBuffer) {
        var lines: [(String, Role)] = [
            ("Welcome to trcaa", .title),
            ("", .normal),
            ("Triage incidents and write root-cause analyses, all from the keyboard.", .normal),
            ("This database has no issues yet.", .normal),
            ("", .normal),
        ]
        if let desktop = state.status.desktopDatabase {
            lines += [("The TRCAA desktop app's database is here:", .normal), ("  \(desktop)", .muted),
                      ("  trcaa db import-trcaa   brings its incidents over", .key), ("", .normal)]
        }
        lines += [
            ("  a   create the first issue", .key),
            ("  d   load demo data to look around", .key),
            ("  ?   every key of every screen", .key),
            ("  Q   quit", .key),
            ("", .normal),
            ("Data   \(state.status.dataDirectory)", .muted),
            ("Key    \(state.status.keyDescription)", .muted),
        ]
        let width = min(area.width - 4, 76)
        let x = area.x + max(2, (area.width - width) / 2)
        for (index, line) in lines.enumerated() {
            buffer.put(line.0, x: x, y: area.y + 1 + index, maxWidth: width, role: line.1)
        }
    }
}
