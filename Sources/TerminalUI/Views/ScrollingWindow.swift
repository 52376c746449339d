/// A full-height window over the body that shows lines from `scroll` on, with an "n/total" note when they do not
/// all fit (the help and the message log).
enum ScrollingWindow {
    /// Draws the window at most `maxWidth` wide; `lines` is given the width inside the frame.
    static func draw(_ grid: inout CellGrid, bounds: Rect, maxWidth: Int, title: String, scroll: Int, lines: (Int) -> [StyledLine]) {
        let width = min(bounds.width - 2, maxWidth)
        let height = bounds.height
        guard width > 20, height > 4 else { return }
        let x = bounds.x + (bounds.width - width) / 2
        let y = bounds.y
        grid.fill(x: x, y: y, width: width, height: height, role: .dialog)
        grid.drawBox(x: x, y: y, width: width, height: height, role: .dialog, title: title, titleRole: .dialogTitle)
        let all = lines(width - 4)
        let rows = height - 2
        let top = min(max(0, scroll), max(0, all.count - rows))
        for (i, line) in all.dropFirst(top).prefix(rows).enumerated() {
            line.draw(&grid, x: x + 2, y: y + 1 + i, width: width - 4)
        }
        if all.count > rows {
            grid.putRight(" \(min(all.count, top + rows))/\(all.count) ", right: x + width - 2, y: y + height - 1, maxWidth: 14, role: .dialog)
        }
    }
}
