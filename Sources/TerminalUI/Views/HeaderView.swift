import Foundation
import OrderStore

/// Row 0: the app, server host, user, the read-only badge, and on the right the refresh state
/// (stale warning, paused, off or live, always with the data's age) and, when there is room, the loading
/// progress and running actions. The refresh state is never dropped: at narrow widths it takes its short form
/// and the host and user give way.
enum HeaderView {
    static func draw(_ grid: inout CellGrid, row: Int, state: AppState, context: ScreenContext) {
        grid.fill(x: 0, y: row, width: grid.width, height: 1, role: .header)
        let width = grid.width
        let charset = grid.charset
        func cells(_ s: String) -> Int { CellText.width(s, charset: charset) }

        // The refresh state first: full when it leaves the left side room, else short.
        let refresh = refreshText(state: state, glyphs: grid.glyphs)
        let title = width >= 80 ? " waldur-orders " : " waldur "
        let minimumLeft = cells(title) + 10
        let refreshShown = cells(refresh.full) + 1 + minimumLeft <= width ? refresh.full : refresh.short
        var end = width - 1
        grid.putRight(refreshShown, right: end, y: row, maxWidth: cells(refreshShown), role: refresh.role)
        end -= cells(refreshShown) + 2

        // Optional items (running actions, load progress), right to left, while they leave the left side room.
        var optional: [(String, ThemeRole)] = []
        if let progress = state.loadProgress, state.refresh.lastSuccess != nil || state.refresh.isStale { optional.append((progress.text, .loading)) }
        if !state.pendingActions.isEmpty { optional.append(("\(grid.glyphs.inFlight) \(state.pendingActions.count) running", .inFlight)) }
        for (text, role) in optional {
            let w = cells(text)
            guard end - w - 1 > minimumLeft + 10 else { break }
            grid.putRight(text, right: end, y: row, maxWidth: w, role: role)
            end -= w + 2
        }

        // The left side in what is left.
        let leftRoom = end
        var x = 0
        x += grid.put(title, x: x, y: row, maxWidth: max(0, leftRoom - x), role: .header)
        let readOnly = state.configuration.readOnly
        let badge = width >= 80 ? " READ-ONLY " : " RO "
        let badgeWidth = readOnly ? cells(badge) + 1 : 0
        let hostRoom = leftRoom - x - badgeWidth
        if hostRoom >= 6 {
            x += grid.put(grid.glyphs.vertical + " " + context.serverHost + " ", x: x, y: row, maxWidth: min(max(8, width / 3), hostRoom), role: .header)
        }
        if let user = context.user, !user.isEmpty, leftRoom - x - badgeWidth >= 6 {
            x += grid.put(grid.glyphs.vertical + " " + user + " ", x: x, y: row, maxWidth: min(max(6, width / 5), leftRoom - x - badgeWidth), role: .header)
        }
        if readOnly, leftRoom - x >= cells(badge) {
            grid.put(badge, x: x, y: row, role: .headerBadge)
        }
    }

    /// The refresh state with the data's age, in a full and a short form, and its role.
    static func refreshText(state: AppState, glyphs: Glyphs) -> (full: String, short: String, role: ThemeRole) {
        let age = state.refresh.age(now: state.now).map(HeaderView.duration)
        if let cached = state.cachedSince {
            // Rows from the local snapshot until the server's deltas and deletions are in.
            let cachedAge = HeaderView.duration(state.now.timeIntervalSince(cached))
            if state.refresh.isStale { return ("cached \(cachedAge) ago · STALE: refresh failed", "cached \(cachedAge) STALE", .stale) }
            return ("cached \(cachedAge) ago · updating…", "cached \(cachedAge) ago", .warning)
        }
        if state.refresh.isStale {
            let ago = age.map { $0 + " ago" } ?? "never"
            return ("STALE: last refresh \(ago)", "STALE \(age ?? "never")", .stale)
        }
        if state.refresh.isPaused {
            let updated = age.map { " · updated \($0) ago" } ?? ""
            return ("\(glyphs.paused) refresh paused\(updated)", "\(glyphs.paused) paused" + (age.map { " \($0) ago" } ?? ""), .warning)
        }
        guard let age else {
            // Nothing loaded yet: the first load's progress stands for the age.
            if let progress = state.loadProgress { return (progress.text, progress.text, .loading) }
            return ("connecting…", "connecting…", .header)
        }
        if state.configuration.refreshInterval <= 0 {
            return ("refresh off · updated \(age) ago", "off · \(age) ago", .header)
        }
        return ("live \(HeaderView.duration(state.configuration.refreshInterval)) · updated \(age) ago", "updated \(age) ago", .header)
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
