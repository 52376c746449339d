import WaldurClient

extension SandboxStore {
    /// One tick of simulated life: new orders arrive, executing ones finish or err, due start dates pass.
    func activityTick() {
        let now = stamp()
        // Due pending-start-date orders are processed by the server itself.
        for i in orders.indices where !orders[i].deleted && orders[i].state == .pendingStartDate {
            if let s = orders[i].startMicros, s <= now {
                orders[i].state = .executing
                orders[i].modified = stamp()
            }
        }
        // Some executing orders finish or fail, as a provider's processing would.
        let executing = orders.indices.filter { !orders[$0].deleted && orders[$0].state == .executing }
        var moved = 0
        for i in executing.reversed() where moved < 2 && rng.chance(0.5) {
            moved += 1
            if rng.chance(0.75) {
                orders[i].state = .done
                let t = stamp()
                orders[i].completedAt = t
                orders[i].modified = t
            } else {
                let e = rng.pick(OrderSeeder.errors.filter { !$0.0.isEmpty })
                orders[i].state = .erred
                orders[i].errorMessage = e.0
                orders[i].errorTraceback = e.1
                orders[i].modified = stamp()
            }
        }
        // New orders arrive.
        var seeder = OrderSeeder(catalog: catalog, seed: rng.next())
        for _ in 0..<(1 + rng.below(2)) {
            var project = rng.below(catalog.projects.count)
            if project == 2 { project = 0 }
            let offering = rng.below(catalog.offerings.count)
            let state: OrderState = rng.chance(0.5) || !catalog.offerings[offering].needsProviderReview ? .pendingConsumer : .pendingProvider
            var o = seeder.order(seq: (orders.last?.seq ?? 0) + 1, state: state, offering: offering, project: project, type: .create, created: stamp())
            let t = stamp()
            if o.consumerReviewedAt != nil { o.consumerReviewedAt = t }
            o.modified = t
            orders.append(o)
            index[o.key] = orders.count - 1
        }
    }
}
