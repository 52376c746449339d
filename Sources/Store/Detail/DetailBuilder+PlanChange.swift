import WaldurClient

/// The plan and limits of an update order as the real server sends them: a limit-only update carries no
/// `old_plan_*` keys (the plan did not change), and the previous limits travel in `attributes.old_limits`.
extension DetailBuilder {
    /// `Large → Small`, or `Small (unchanged)` when the server names no old plan or the same one.
    static func planLine(_ order: Order) -> DetailViewModel.Line? {
        let newPlan = OrderRow.nonEmpty(order.newPlanName) ?? OrderRow.nonEmpty(order.planName)
        let oldPlan = OrderRow.nonEmpty(order.oldPlanName)
        guard order.newPlanName != nil || order.oldPlanName != nil, let shown = newPlan ?? oldPlan else { return nil }
        if let oldPlan, let newPlan, oldPlan != newPlan {
            return DetailViewModel.Line(.planChange, key: "plan", "\(oldPlan) → \(newPlan)")
        }
        return DetailViewModel.Line(.planChange, key: "plan", "\(shown) (unchanged)")
    }

    /// One line per limit that changes: `4 → 2`, `2 (new)` for a limit that had none, `4 → (removed)` for one
    /// that goes; unchanged limits are left out. Without `old_limits` the requested limits are listed as such.
    static func limitChanges(_ order: Order) -> [DetailViewModel.Line] {
        let after = pairs(order.limits)
        guard let oldLimits = order.attributes?["old_limits"], case .object = oldLimits else {
            return after.map { DetailViewModel.Line(.planChange, key: "limit \($0.0)", "\($0.1) (previous not sent)") }
        }
        let before = pairs(oldLimits)
        var lines: [DetailViewModel.Line] = []
        for (key, value) in after {
            if let old = before.first(where: { $0.0 == key })?.1 {
                if old != value { lines.append(DetailViewModel.Line(.planChange, key: "limit \(key)", "\(old) → \(value)")) }
            } else {
                lines.append(DetailViewModel.Line(.planChange, key: "limit \(key)", "\(value) (new)"))
            }
        }
        for (key, old) in before where !after.contains(where: { $0.0 == key }) {
            lines.append(DetailViewModel.Line(.planChange, key: "limit \(key)", "\(old) → (removed)"))
        }
        return lines
    }

    /// A multi-line text under one label: the first line carries it, the following ones an empty key (drawn as
    /// indentation under the value), cut at `maxMultilineBytes`.
    static func labelledOnce(_ role: DetailViewModel.Role, _ label: String, _ text: String) -> [DetailViewModel.Line] {
        TextFolding.displayLines(TextFolding.clipped(text, maxBytes: maxMultilineBytes)).enumerated().map { i, line in
            DetailViewModel.Line(role, key: i == 0 ? label : "", line)
        }
    }
}
