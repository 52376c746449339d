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
        out.append(StyledLine([]))
        out.append(StyledLine([("Remap in the config file's [keys] table: action = \"key\", \"k1, k2\" or \"none\".", .muted)]))
        out.append(StyledLine([("up / down in the filter line recall earlier filters.", .muted)]))
        out.append(StyledLine([]))
        out += Legend.lines(charset: context.charset)
        return out
    }

    static func draw(_ grid: inout CellGrid, bounds: Rect, context: ScreenContext, readOnly: Bool, scroll: Int) {
        let width = min(bounds.width - 2, 90)
        let height = bounds.height
        guard width > 20, height > 4 else { return }
        let x = bounds.x + (bounds.width - width) / 2
        let y = bounds.y
        grid.fill(x: x, y: y, width: width, height: height, role: .dialog)
        grid.drawBox(x: x, y: y, width: width, height: height, role: .dialog, title: "Keys", titleRole: .dialogTitle)
        let all = lines(context: context, readOnly: readOnly, width: width - 4)
        let rows = height - 2
        let top = min(max(0, scroll), max(0, all.count - rows))
        for (i, line) in all.dropFirst(top).prefix(rows).enumerated() {
            line.draw(&grid, x: x + 2, y: y + 1 + i, width: width - 4)
        }
        if all.count > rows {
            grid.putRight(" \(min(all.count, top + rows))/\(all.count) ", right: x + width - 2, y: y + height - 1, maxWidth: 12, role: .dialog)
        }
    }
}
