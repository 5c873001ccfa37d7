import Foundation
import TRCAACore

extension App {
    static func performInOverlay(_ action: Action, in state: inout AppState) -> [Effect] {
        if action == .quit {
            state.isQuitting = true
            return [.quit]
        }
        switch state.overlay {
        case .help(var help):
            switch action {
            case .moveDown: help.scroll += 1
            case .moveUp: help.scroll = max(0, help.scroll - 1)
            default: state.overlay = nil; return []
            }
            state.overlay = .help(help)
        case .palette(var palette):
            let entries = paletteEntries(palette)
            switch action {
            case .moveDown, .moveUp:
                palette.cursor.move(action, count: entries.count, visible: paletteRows(state.size))
                state.overlay = .palette(palette)
            case .confirm:
                state.overlay = nil
                guard entries.indices.contains(palette.cursor.selected) else { return [] }
                let entry = entries[palette.cursor.selected]
                // An action of another tab of the issue: that tab first.
                if let tab = DetailTab.allCases.first(where: { $0.context == entry.context }),
                   let detail = state.top(IssueDetailState.self), detail.tab.context != tab.context {
                    _ = perform(.showTab(tab.rawValue), in: &state)
                }
                return perform(entry.binding.action, in: &state)
            default:
                state.overlay = nil
            }
        case .confirm(var confirm):
            switch action {
            case .toggleChoice: confirm.yesSelected.toggle(); state.overlay = .confirm(confirm)
            case .confirm: state.overlay = nil; return confirm.onYes
            case .open: state.overlay = nil; return confirm.yesSelected ? confirm.onYes : confirm.onNo
            default: state.overlay = nil; return confirm.onNo
            }
        case .form(var form):
            switch action {
            case .complete where form.fields[form.focused].kind == .path:
                return [.completePath(form.fields[form.focused].editor.text)]
            case .complete where form.fields[form.focused].kind.choices != nil:
                form.fields[form.focused].completeChoice()
            case .nextField, .complete: form.focused = (form.focused + 1) % form.fields.count
            case .previousField: form.focused = (form.focused + form.fields.count - 1) % form.fields.count
            case .confirm:
                if form.focused < form.fields.count - 1, form.fields.count > 1 {
                    form.focused += 1
                } else {
                    return submit(form, in: &state)
                }
            case .submit: return submit(form, in: &state)
            case .cancel: state.overlay = nil; return []
            default: return []
            }
            state.overlay = .form(form)
        case .picker(var picker):
            switch action {
            case .moveDown, .moveUp, .top, .bottom:
                picker.cursor.move(action, count: picker.options.count, visible: picker.options.count)
                skipHeading(&picker, downwards: action != .moveUp)
                state.overlay = .picker(picker)
            case .toggleChoice where picker.purpose.ticksSeveral:
                picker.options[picker.cursor.selected].isTicked.toggle()
                state.overlay = .picker(picker)
            case .removeChoice where picker.purpose.removesEntries && !picker.options.isEmpty:
                picker.options.remove(at: picker.cursor.selected)
                picker.cursor.select(picker.cursor.selected, count: picker.options.count, visible: picker.options.count)
                state.overlay = .picker(picker)
            case .confirm:
                state.overlay = nil
                return choose(picker, in: &state)
            case .cancel:
                state.overlay = nil
            default:
                break
            }
        case .textEditor(let editor):
            switch action {
            case .confirm:
                state.overlay = nil
                return edited(editor.purpose, text: editor.text, in: &state)
            case .cancel:
                state.overlay = nil
                inform("edit cancelled; nothing saved", in: &state)
            default:
                break
            }
        case .message:
            state.overlay = nil
        case nil:
            break
        }
        return []
    }

    private static func skipHeading(_ picker: inout PickerState, downwards: Bool) {
        let count = picker.options.count
        var index = picker.cursor.selected
        while picker.options.indices.contains(index), picker.options[index].isHeading {
            index += downwards ? 1 : -1
        }
        if !picker.options.indices.contains(index) { index = picker.cursor.selected + (downwards ? -1 : 1) }
        picker.cursor.select(index, count: count, visible: count)
    }

    /// Keys that are not bindings: characters typed into the focused text field.
    static func typeText(_ key: Key, in state: inout AppState) -> [Effect] {
        switch state.overlay {
        case .form(var form):
            if form.fields[form.focused].editor.handle(key) {
                form.error = nil
                state.overlay = .form(form)
            }
        case .palette(var palette):
            if palette.editor.handle(key) {
                palette.cursor = ListCursor()
                state.overlay = .palette(palette)
            }
        case .textEditor(var editor):
            editor.handle(key, visibleRows: max(1, state.size.height - 8))
            state.overlay = .textEditor(editor)
        case nil:
            return type(of: state.topScreen).type(key, in: &state)
        default:
            break
        }
        return []
    }

    /// The palette's entries: every action reachable from the focus it was opened from (on an
    /// issue, the other tabs' too), filtered fuzzily; in the log viewer a number goes to that
    /// line (`:120` Enter); anywhere, an issue key (`#42`, `OPS-42`) opens that issue.
    static func paletteEntries(_ palette: PaletteState) -> [(context: KeyContext, binding: Binding)] {
        var chain = Keymap.chain(for: palette.focus)
        if palette.focus.contains(.issueDetail) {
            for tab in DetailTab.allCases where !chain.contains(tab.context) { chain.append(tab.context) }
        }
        let all = Keymap.standard.visibleBindings(in: chain).filter { $0.binding.action != .palette }
        let query = palette.editor.text
        guard !query.isEmpty else { return all }
        if palette.focus.contains(.logViewer), let number = Int(query), number > 0 {
            return [(.logViewer, Binding([], .gotoLine(number), "Go to line \(number)"))]
        }
        if query.wholeMatch(of: /#\d{1,9}|[A-Za-z]{1,10}-\d{1,9}/) != nil {
            return [(.global, Binding([], .openIssue(query), "Open issue \(query.uppercased())"))]
        }
        return all.compactMap { entry -> (Int, (KeyContext, Binding))? in
            let score = FuzzyMatch.score(query, in: entry.binding.help)
                ?? FuzzyMatch.score(query, in: entry.binding.keyLabels).map { $0 - 50 }
            return score.map { ($0, entry) }
        }
        .sorted { $0.0 > $1.0 }
        .map(\.1)
    }

    static func paletteRows(_ size: Size) -> Int { max(1, min(16, size.height - 8)) }
}
