import Foundation
import WaldurClient

/// The "Needs me" queue's two server queries (`can_approve_as_consumer`, `can_approve_as_provider`). When the list's
/// load lists every order the user sees, they ask for uuids only and set flags on the rows the list brings: the
/// server serialises each pending order once, not twice (on a real Waldur a "Needs me" page of 200 costs 0.1 s of
/// server CPU for uuids, 1.7 s with the list's fields). A flag for an order no load has brought yet waits in
/// `needsMeAwaiting` until it arrives.
extension AppState {
    /// Starts both queries (`incremental`: only orders modified since `since`, flags added, none cleared).
    mutating func startNeedsMe(incremental: Bool, since: Date?) -> [Effect] {
        let uuidsOnly = loadsEverything
        var effects: [Effect] = []
        for consumer in [true, false] {
            var q = OrderListQuery()
            // uuids when the list brings every order; else the list's fields, so a merged row keeps every column.
            q.fields = uuidsOnly ? ["uuid"] : loadedServerQuery?.fields ?? neededFields
            q.pageSize = configuration.pageSize
            if consumer { q.canApproveAsConsumer = true; q.state = [.pendingConsumer] } else { q.canApproveAsProvider = true; q.state = [.pendingProvider] }
            q.modified = since
            let purpose: LoadPurpose = consumer ? .needsMeConsumer(incremental: incremental) : .needsMeProvider(incremental: incremental)
            let id = nextLoadID()
            loads[id] = RunningLoad(purpose: purpose, startedAt: now, uuidsOnly: uuidsOnly)
            effects.append(.load(LoadRequest(id: id, purpose: purpose, query: q)))
        }
        return effects
    }

    /// A list query without a server filter: it lists every order the user sees (fields, order and paging aside), so
    /// every order a "Needs me" query lists comes with it or with a later poll.
    static func listsEveryOrder(_ query: OrderListQuery) -> Bool {
        var q = query
        q.fields = []
        q.ordering = []
        q.page = nil
        q.pageSize = nil
        return q == OrderListQuery()
    }

    /// The flag a "Needs me" load sets (0 for other loads).
    static func needsMeFlag(_ purpose: LoadPurpose?) -> UInt8 {
        switch purpose {
        case .needsMeConsumer: return OrderRow.needsMeConsumerFlag
        case .needsMeProvider: return OrderRow.needsMeProviderFlag
        default: return 0
        }
    }

    /// A page of a uuid-only "Needs me" query: held rows get the flag now, the others when a load brings them.
    mutating func needsMeUUIDsListed(_ orders: [Order], flag: UInt8) {
        var changed = false
        for k in orders.indices {
            let key = RowKey(orders[k].uuid)
            if let i = self.orders.rowIndex(key) {
                self.orders.updateFlags(row: Int(i)) { $0.flags |= flag }
                changed = true
            } else {
                needsMeAwaiting[key, default: 0] |= flag
            }
        }
        if changed { requeue() }
    }

    /// The whole "Needs me" set of one flag is known (`listed`): rows outside it lose the flag, and only orders in it
    /// that no load has brought keep waiting for theirs.
    mutating func needsMeSetListed(_ listed: Set<RowKey>, flag: UInt8) {
        orders.updateFlags { row in if listed.contains(row.key) { row.flags |= flag } else { row.flags &= ~flag } }
        for (key, flags) in needsMeAwaiting where !listed.contains(key) {
            needsMeAwaiting[key] = flags & ~flag == 0 ? nil : flags & ~flag
        }
        for key in listed where orders.rowIndex(key) == nil { needsMeAwaiting[key, default: 0] |= flag }
        requeue()
    }

    /// Orders from a load split by the "Needs me" flags waiting for them (taken out of `needsMeAwaiting`): each group
    /// is merged with its flags added.
    mutating func takeAwaitingFlags(_ orders: [Order]) -> [(flags: UInt8, orders: [Order])] {
        guard !needsMeAwaiting.isEmpty else { return [(0, orders)] }
        var plain: [Order] = []
        var flagged: [UInt8: [Order]] = [:]
        plain.reserveCapacity(orders.count)
        for k in orders.indices {
            if let flags = needsMeAwaiting.removeValue(forKey: RowKey(orders[k].uuid)) {
                flagged[flags, default: []].append(orders[k])
            } else {
                plain.append(orders[k])
            }
        }
        return [(0, plain)] + flagged.keys.sorted().map { ($0, flagged[$0] ?? []) }
    }
}
