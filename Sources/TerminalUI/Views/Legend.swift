import WaldurClient

/// What every glyph and colour on the screen means, for the `?` overlay (the README has the same table).
enum Legend {
    /// The legend's lines, each sample drawn in the role it has on screen.
    static func lines(charset: Charset) -> [StyledLine] {
        let g = Glyphs.for(charset)
        var out: [StyledLine] = [StyledLine([("Legend", .dialogTitle)])]
        func entry(_ sample: String, _ role: ThemeRole, _ meaning: String) {
            let pad = String(repeating: " ", count: max(1, 17 - CellText.width(sample, charset: charset)))
            out.append(StyledLine([(sample, role), (pad + meaning, .dialog)]))
        }
        for state in OrderState.known {
            let short = StateStyle.shortWord(state, charset: charset)
            let sample = StateStyle.glyph(state, charset: charset) + " " + short
            let full = StateStyle.word(state)
            entry(sample, StateStyle.role(state), short == full ? "state \(full)" : "state \(full) (short form when narrow)")
        }
        entry(StateStyle.glyph(.unknown("?"), charset: charset) + " …", .stateUnknown, "a state this app does not know (the server's word)")
        entry(g.mark, .marked, "marked for a bulk action (space, *, u)")
        entry(g.changed, .changed, "new or changed by a refresh; clears when selected or after a minute")
        entry(g.inFlight, .inFlight, "an action sent and not answered yet")
        entry(g.sortAscending + " " + g.sortDescending, .columnHeader, "the sort column and direction (s, S)")
        entry(g.paused, .warning, "live refresh paused (p); the header still shows the data's age")
        entry("STALE", .stale, "the last refresh failed: the data is as old as shown")
        entry("cached 3h ago", .warning, "rows from the local snapshot, until the server's changes are in (--no-cache)")
        entry("selected", .selection, "the selected order (dimmer when the detail has focus)")
        entry("marked", .marked, "a marked row")
        entry("changed", .changed, "a new or changed row")
        entry("plan change", .planChange, "an update's plan, cost and limits before → after")
        entry("history", .history, "who created and reviewed the order, and when")
        entry("error", .error, "an erred order's message; | opens it whole in $PAGER, Y copies it")
        entry("READ-ONLY", .headerBadge, "actions that change orders are off")
        return out
    }
}
