/// The `?` window: every command with the keys currently bound to it (unbound ones say so),
/// then the fixed keys of dialogs and the filter line.
enum HelpOverlayView {
    /// `readOnly`: the store's read-only mode (write commands are marked disabled).
    static func lines(context: ScreenContext, readOnly: Bool = false, width: Int) -> [StyledLine] {
        let queueNames = context.queueNames
        var out: [StyledLine] = []
        let keyWidth = 16
        for entry in context.keyMap.entries {
            let summary: String
            if let n = entry.command.queueNumber, n <= queueNames.count {
                summary = "queue “\(queueNames[n - 1])”"
            } else {
                summary = entry.command.summary
            }
            let keys = entry.keys.isEmpty ? "(unbound)" : entry.keys.map(\.description).joined(separator: ", ")
            let readOnlyNote = (readOnly && entry.command.isWrite) ? "  [read-only: disabled]" : ""
            let padded = CellText.truncate(keys, to: keyWidth, charset: context.charset)
            let pad = String(repeating: " ", count: max(0, keyWidth - CellText.width(padded, charset: context.charset)))
            out.append(StyledLine([
                (padded + pad + " ", entry.keys.isEmpty ? .muted : .hintKey),
                (entry.command.rawValue, .detailLabel),
                ("  " + summary + readOnlyNote, entry.keys.isEmpty ? .muted : .dialog),
            ]))
        }
        out.append(StyledLine([]))
        out.append(StyledLine([("Fixed keys", .dialogTitle)]))
        out.append(StyledLine([("esc              closes a window, cancels a dialog, restores the filter", .dialog)]))
        out.append(StyledLine([("y / n            yes / no in a confirmation without text (No is the default)", .dialog)]))
        out.append(StyledLine([("tab / arrows     move between text fields, No and Yes", .dialog)]))
        out.append(StyledLine([("enter            keeps the typed filter; next field; picks the focused button", .dialog)]))
        out.append(StyledLine([("\(TerminalController.confirmChord.description.padding(toLength: 17, withPad: " ", startingAt: 0))confirms a dialog from any field (letters there are text)", .dialog)]))
        out.append(StyledLine([("                 keys typed ahead while a dialog opens or closes are discarded", .muted)]))
        out.append(StyledLine([("                 after enter/esc in a text, keys typed on are discarded until a pause", .muted)]))
        out.append(StyledLine([]))
        out.append(StyledLine([("Remap in the config file's [keys] table: action = \"key\", \"k1, k2\" or \"none\".", .muted)]))
        out.append(StyledLine([("up / down in the filter line recall earlier filters.", .muted)]))
        out.append(StyledLine([]))
        out += Legend.lines(charset: context.charset)
        return out
    }

    static func draw(_ grid: inout CellGrid, bounds: Rect, context: ScreenContext, readOnly: Bool, scroll: Int) {
        ScrollingWindow.draw(&grid, bounds: bounds, maxWidth: 90, title: "Keys", scroll: scroll) { width in
            lines(context: context, readOnly: readOnly, width: width)
        }
    }
}
