import Foundation
import WaldurClient

extension AppState {
    /// Rows in the visible list.
    public var visibleCount: Int { visible.count }

    /// The selected tab.
    public var selectedQueue: Queue { queues[min(max(0, selectedQueueIndex), queues.count - 1)] }

    /// The visible row at `i` (0 ≤ i < visibleCount) as display data; nil out of range.
    public func visibleRow(at i: Int) -> ListRow? {
        guard i >= 0, i < visible.count else { return nil }
        return listRow(Int(visible[i]), selected: i == selectedIndex)
    }

    /// The visible rows in `range` (clamped), for drawing one screen.
    public func visibleRows(_ range: Range<Int>) -> [ListRow] {
        let lo = max(0, range.lowerBound), hi = min(visible.count, range.upperBound)
        guard lo < hi else { return [] }
        return (lo..<hi).compactMap { visibleRow(at: $0) }
    }

    /// The selected row, if any.
    public var selectedRow: ListRow? { selectedIndex.flatMap { visibleRow(at: $0) } }

    /// The loaded order's row by uuid (any queue, any filter).
    public func row(for uuid: WaldurUUID) -> ListRow? {
        guard let i = rowIndex(uuid) else { return nil }
        return listRow(Int(i), selected: uuid == selectedUUID)
    }

    /// The number of loaded orders.
    public var loadedCount: Int { rows.count }

    /// A name as a list cell shows it: a line at most (a megabyte-long name is cut before it is sanitised on every frame).
    func cellText(_ id: UInt32) -> String { TextFolding.displayLine(TextFolding.clipped(pool[id], maxBytes: 1024)) }

    func listRow(_ i: Int, selected: Bool) -> ListRow {
        let r = rows[i]
        let uuid = r.uuid(pool)
        func s(_ id: UInt32) -> String { cellText(id) }
        return ListRow(
            uuid: uuid, shortUUID: String(TextFolding.displayLine(uuid.hex).prefix(8)), state: r.state(pool),
            type: TextFolding.displayLine(r.type(pool)?.wire ?? ""), offering: s(r.offering), offeringType: s(r.offeringType), plan: s(r.plan),
            project: s(r.project), customer: s(r.customer), provider: s(r.provider), resource: s(r.resource),
            createdBy: s(r.creator == 0 ? r.creatorName : r.creator), consumerReviewer: s(r.consumerReviewer),
            providerReviewer: s(r.providerReviewer), cost: r.cost.map { Money($0).formatted(places: 2) } ?? "",
            created: OrderRow.date(r.created), modified: OrderRow.date(r.modified), consumerReviewedAt: OrderRow.date(r.consumerReviewedAt),
            isSelected: selected, isMarked: marked.contains(uuid), isNew: r.isNew, isChanged: r.isChanged,
            pendingAction: pendingActions[uuid], needsMe: r.inNeedsMe, errorMessage: s(r.errorMessage), backendID: s(r.backendID))
    }

    /// The selected order's offering and how the orders of it in the current view spread over states (lifecycle order,
    /// then unknown states by name); nil when nothing is selected.
    public var offeringSummary: OfferingSummary? {
        guard let selected = selectedRow else { return nil }
        var counts: [String: Int] = [:]
        var total = 0
        for i in visible {
            let r = rows[Int(i)]
            guard cellText(r.offering) == selected.offering, cellText(r.offeringType) == selected.offeringType else { continue }
            counts[r.state(pool).wire, default: 0] += 1
            total += 1
        }
        let order = OrderState.known.map(\.wire)
        var list: [(state: String, count: Int)] = order.compactMap { s in counts[s].map { (s, $0) } }
        for (s, n) in counts.sorted(by: { $0.key < $1.key }) where !order.contains(s) { list.append((s, n)) }
        return OfferingSummary(name: selected.offering, type: selected.offeringType, provider: selected.provider,
                               plan: selected.plan, counts: list, total: total)
    }

    /// The detail view of the selected order (from the full order when fetched, else from its list row).
    public var detail: DetailViewModel? {
        guard selectedIndex != nil, let s = selectedUUID, let i = rowIndex(s) else { return nil }
        let order = detailCache[s] ?? rowOrder(Int(i))
        return DetailBuilder.build(order, isFull: detailCache[s] != nil, isLoading: detailLoading.contains(s),
                                   loadError: detailErrors[s], isStaff: configuration.isStaff)
    }

    /// A trimmed `Order` rebuilt from a row, for the detail view while the full order loads.
    func rowOrder(_ i: Int) -> Order { rows[i].order(pool) }

    /// "stale (2m old)" age text when the last refresh failed.
    var staleAgeText: String? {
        refresh.age(now: now).map { "\(AppState.duration($0)) ago" }
    }

    /// What the status line should show now, most important first: a filter error, the load progress, staleness,
    /// then the latest message.
    public var statusLine: StatusMessage? {
        if let e = filterError { return StatusMessage(.warning, "filter: \(e.message) (showing the last valid filter)", at: now) }
        if let p = loadProgress { return StatusMessage(.info, p.text, at: now) }
        if refresh.isStale {
            return StatusMessage(.warning, "stale: last refresh \(staleAgeText ?? "never"); \(refresh.lastError ?? "")", at: now)
        }
        // The most severe live message, the newest of its level: an error that still holds is not hidden by later news.
        return messages.last { $0.isLive && $0.level == .error } ?? messages.last { $0.isLive && $0.level == .warning }
            ?? messages.last { $0.isLive }
    }

    /// "live every 10s", "paused", "off".
    public var refreshText: String {
        if configuration.refreshInterval <= 0 { return "refresh off" }
        if refresh.isPaused { return "refresh paused" }
        return "live every \(AppState.duration(configuration.refreshInterval))"
    }
}
