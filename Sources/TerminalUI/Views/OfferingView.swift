import OrderStore
import WaldurClient

/// The `o` window: the selected order's offering, and how its loaded orders spread over states (`AppState.offeringSummary`).
enum OfferingView {
    static func draw(_ grid: inout CellGrid, bounds: Rect, summary: OfferingSummary, queueName: String) {
        var lines: [StyledLine] = []
        func kv(_ k: String, _ v: String) {
            let pad = String(repeating: " ", count: max(0, 10 - k.count))
            lines.append(StyledLine([(k + pad, .detailLabel), (v.isEmpty ? "—" : v, .dialog)]))
        }
        kv("offering", summary.name)
        kv("type", summary.type)
        kv("provider", summary.provider)
        kv("plan", summary.plan)
        lines.append(StyledLine([]))
        lines.append(StyledLine([("\(summary.total) order\(summary.total == 1 ? "" : "s") of it in \(queueName):", .dialogTitle)]))
        for (s, n) in summary.counts {
            let state = OrderState(wire: s)
            lines.append(StyledLine([(String(n).leftPadded(7) + "  ", .dialog), (StateStyle.label(state, charset: grid.charset), StateStyle.role(state))]))
        }
        let width = min(bounds.width - 2, 70)
        let height = min(bounds.height, lines.count + 2)
        guard width > 20, height > 3 else { return }
        let x = bounds.x + (bounds.width - width) / 2
        let y = bounds.y + max(0, (bounds.height - height) / 2)
        grid.fill(x: x, y: y, width: width, height: height, role: .dialog)
        grid.drawBox(x: x, y: y, width: width, height: height, role: .dialog, title: "Offering", titleRole: .dialogTitle)
        for (i, line) in lines.prefix(height - 2).enumerated() {
            line.draw(&grid, x: x + 2, y: y + 1 + i, width: width - 4)
        }
    }
}

extension String {
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
