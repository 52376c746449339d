import Foundation

/// Shown instead of everything else when the terminal is below the minimum size.
enum TooSmallView {
    static func draw(_ grid: inout CellGrid) {
        grid.fill(x: 0, y: 0, width: grid.width, height: grid.height, role: .normal)
        let lines = [
            "Terminal too small",
            "\(grid.width)×\(grid.height), need at least \(ScreenLayout.minimumWidth)×\(ScreenLayout.minimumHeight)",
            "Enlarge the window, or press q to quit.",
        ]
        let top = max(0, (grid.height - lines.count) / 2)
        for (i, line) in lines.enumerated() where top + i < grid.height {
            let text = grid.charset == .ascii ? line.replacingOccurrences(of: "×", with: "x") : line
            let w = min(grid.width, CellText.width(text, charset: grid.charset))
            grid.put(text, x: max(0, (grid.width - w) / 2), y: top + i, maxWidth: grid.width, role: i == 0 ? .tooSmall : .normal)
        }
    }
}
