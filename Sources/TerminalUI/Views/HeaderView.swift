import Foundation
import OrderStore

/// Row 0: the app, server host, user, the read-only badge, and on the right the refresh state
/// (loading progress, stale warning, paused, or live with the data's age) and running actions.
enum HeaderView {
    static func draw(_ grid: inout CellGrid, row: Int, state: AppState, context: ScreenContext) {
        grid.fill(x: 0, y: row, width: grid.width, height: 1, role: .header)
        var x = 0
        x += grid.put(" waldur-orders ", x: x, y: row, role: .header)
        x += grid.put(grid.glyphs.vertical + " " + context.serverHost + " ", x: x, y: row, maxWidth: max(8, grid.width / 3), role: .header)
        if let user = context.user, !user.isEmpty {
            x += grid.put(grid.glyphs.vertical + " " + user + " ", x: x, y: row, maxWidth: max(6, grid.width / 5), role: .header)
        }
        if context.readOnly || state.configuration.readOnly {
            x += grid.put(" READ-ONLY ", x: x, y: row, role: .headerBadge)
        }
        var right: [(String, ThemeRole)] = []
        if !state.pendingActions.isEmpty {
            right.append(("\(grid.glyphs.inFlight) \(state.pendingActions.count) running", .inFlight))
        }
        if let progress = state.loadProgress {
            right.append((progress.text, .loading))
        }
        if state.refresh.isStale {
            let age = state.refresh.age(now: state.now).map { HeaderView.duration($0) + " ago" } ?? "never"
            right.append(("STALE: last refresh \(age)", .stale))
        } else if state.refresh.isPaused {
            right.append(("\(grid.glyphs.paused) refresh paused", .warning))
        } else if state.configuration.refreshInterval <= 0 {
            right.append(("refresh off", .header))
        } else if let age = state.refresh.age(now: state.now) {
            right.append(("live \(HeaderView.duration(state.configuration.refreshInterval)) · updated \(HeaderView.duration(age)) ago", .header))
        } else if state.loadProgress == nil {
            right.append(("connecting…", .header))
        }
        var end = grid.width - 1
        for (text, role) in right.reversed() {
            let w = CellText.width(text, charset: grid.charset)
            guard end - w - 1 > x else { break }
            grid.putRight(text, right: end, y: row, maxWidth: w, role: role)
            end -= w + 2
        }
    }

    /// "45s", "3m", "2h", "1d".
    static func duration(_ seconds: TimeInterval) -> String {
        let s = Int(max(0, seconds))
        if s < 60 { return "\(s)s" }
        if s < 3600 { return "\(s / 60)m" }
        if s < 86400 { return "\(s / 3600)h" }
        return "\(s / 86400)d"
    }
}
