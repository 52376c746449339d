import Foundation
import WaldurClient

extension AppState {
    /// The orders an action targets: the marked ones still loaded (in list order), or the selected one.
    public var actionTargets: [WaldurUUID] {
        if !marked.isEmpty {
            // In load order (cheap for any number of marks and rows).
            return marked.compactMap { rowIndex($0) }.sorted().map { uuid(ofRow: $0) }
        }
        // A selection kept while the filter hides every row is not a target: only what is on screen can be acted on.
        guard selectedIndex != nil else { return [] }
        return selectedUUID.map { [$0] } ?? []
    }

    /// The facts the action rules need about a loaded order.
    public func facts(for uuid: WaldurUUID) -> OrderFacts? {
        guard let i = rowIndex(uuid) else { return nil }
        let row = rows[Int(i)]
        let creator = pool[row.creator]
        return OrderFacts(state: row.state(pool), type: row.type(pool), offeringType: pool[row.offeringType],
                          canApproveAsConsumer: row.needsMeConsumer, canApproveAsProvider: row.needsMeProvider,
                          isCreator: configuration.username.map { !creator.isEmpty && $0 == creator } ?? false)
    }

    /// Availability of `action` for one loaded order (a pending action of the same order makes it unavailable).
    public func availability(of action: OrderAction, for uuid: WaldurUUID) -> ActionAvailability {
        guard let facts = facts(for: uuid) else { return .unavailable(action, "the order is not loaded") }
        let result = ActionRules.availability(of: action, for: facts, configuration: configuration)
        if result.isAvailable, let running = pendingActions[uuid] {
            return .unavailable(action, "\(running.title) is already running for this order")
        }
        return result
    }

    /// Every action with how many targets allow it and, when none does, why.
    public var actionMenu: [ActionMenuItem] {
        let targets = actionTargets
        return OrderAction.allCases.map { action in
            if targets.isEmpty {
                let reason = configuration.readOnly ? "read-only mode: \(action.title) is disabled" : "no order selected"
                return ActionMenuItem(action: action, availableCount: 0, targetCount: 0, reason: reason)
            }
            var count = 0
            var reason: String?
            for t in targets {
                let a = availability(of: action, for: t)
                if a.isAvailable { count += 1 } else if reason == nil { reason = a.reason }
            }
            return ActionMenuItem(action: action, availableCount: count, targetCount: targets.count, reason: count == 0 ? reason : nil)
        }
    }

    mutating func requestAction(_ action: OrderAction) -> [Effect] {
        if configuration.readOnly {
            message(.warning, "read-only mode: \(action.title) is disabled")
            return []
        }
        let targets = actionTargets
        guard !targets.isEmpty else {
            message(.info, "no order selected")
            return []
        }
        var calls: [ActionCall] = []
        var skipped: [SkippedOrder] = []
        var resulting: [ActionEndpoint: String] = [:]
        for t in targets {
            let a = availability(of: action, for: t)
            if let endpoint = a.endpoint {
                calls.append(ActionCall(endpoint, t))
                if let r = a.resultingState {
                    if let existing = resulting[endpoint], existing != r { resulting[endpoint] = existing + " or " + r } else { resulting[endpoint] = r }
                }
            } else {
                skipped.append(SkippedOrder(uuid: t, reason: a.reason ?? "not available"))
            }
        }
        guard !calls.isEmpty else {
            let reason = skipped.first?.reason ?? "not available"
            message(.warning, targets.count == 1 ? "cannot \(action.title): \(reason)" : "cannot \(action.title) any of the \(targets.count) marked orders: \(reason)")
            return []
        }
        // The API takes a rejection comment only on the provider side: a consumer-only reject asks for nothing.
        let input = action == .reject && !calls.contains { $0.endpoint == .rejectByProvider } ? nil : action.input
        confirmation = ActionConfirmation(action: action, calls: calls, skipped: skipped,
                                          summary: AppState.summary(action, calls, skipped, resulting), input: input, text: "")
        return []
    }

    /// "approve 3 orders as provider → executing; 1 skipped".
    static func summary(_ action: OrderAction, _ calls: [ActionCall], _ skipped: [SkippedOrder], _ resulting: [ActionEndpoint: String]) -> String {
        var groups: [(ActionEndpoint, Int)] = []
        for c in calls {
            if let k = groups.firstIndex(where: { $0.0 == c.endpoint }) { groups[k].1 += 1 } else { groups.append((c.endpoint, 1)) }
        }
        var parts: [String] = []
        for (endpoint, n) in groups {
            var s = "\(action.title) \(n) order\(n == 1 ? "" : "s")"
            if let side = endpoint.side { s += " as \(side)" }
            if let r = resulting[endpoint] { s += " → \(r)" }
            parts.append(s)
        }
        var text = parts.joined(separator: "; ")
        if !skipped.isEmpty { text += "; \(skipped.count) skipped" }
        return text
    }

    mutating func confirmAction() -> [Effect] {
        guard let c = confirmation else { return [] }
        if configuration.readOnly {
            confirmation = nil
            message(.warning, "read-only mode: \(c.action.title) is disabled")
            return []
        }
        guard c.canConfirm else {
            message(.warning, "\(c.action.title) needs a \(c.input?.prompt ?? "value")")
            return []
        }
        let text = c.text.trimmingCharacters(in: .whitespacesAndNewlines)
        var calls: [ActionCall] = []
        for var call in c.calls where pendingActions[call.uuid] == nil {
            switch call.endpoint {
            case .setStateErred, .setBackendID, .rejectByProvider: call.text = text.isEmpty ? nil : text
            default: call.text = nil
            }
            calls.append(call)
        }
        confirmation = nil
        guard !calls.isEmpty else {
            message(.warning, "\(c.action.title) is already running for these orders")
            return []
        }
        lastBatch += 1
        batchAction[lastBatch] = c.action
        for call in calls { pendingActions[call.uuid] = c.action }
        lastResults = calls.map { ActionResultLine(uuid: $0.uuid, endpoint: $0.endpoint, outcome: nil, text: "running…") }
        message(.info, "\(c.summary): running")
        return [.runActions(batch: lastBatch, calls: calls, concurrency: max(1, configuration.actionConcurrency))]
    }

    mutating func actionCompleted(batch: Int, call: ActionCall, outcome: ActionOutcome) -> [Effect] {
        pendingActions[call.uuid] = nil
        let action = batchAction[batch]
        let title = action?.title ?? call.endpoint.rawValue
        let short = String(call.uuid.hex.prefix(8))
        var text: String
        var effects: [Effect] = []
        switch outcome {
        case let .updated(order):
            text = "\(title) done; now \(order.state?.wire ?? "unknown")"
            if rowIndex(order.uuid) != nil { effects += acceptFullOrder(order) }
        case .removed:
            text = "\(title) done; order removed"
            let key = RowKey(call.uuid)
            removeRows { $0.key == key }
            resort()
            effects += selectionEffects()
        case let .failed(error):
            text = error.message
            message(.error, "\(title) \(short): \(error.message)")
        case let .unknown(error, .success(order)):
            text = "\(title) outcome unknown (\(error.message)); re-fetched: now \(order.state?.wire ?? "unknown")"
            if rowIndex(order.uuid) != nil { effects += acceptFullOrder(order) }
            message(.warning, "\(title) \(short): outcome unknown, re-fetched (\(error.message))")
        case let .unknown(error, .failure(refetchError)):
            text = "\(title) outcome unknown (\(error.message)); re-fetching failed too: \(refetchError.message)"
            message(.warning, "\(title) \(short): outcome unknown (\(error.message)); re-fetching failed: \(refetchError.message)")
        case let .unconfirmed(error):
            text = "\(title) sent, but re-fetching the order failed: \(error.message)"
            message(.warning, "\(title) \(short): sent, but re-fetching failed: \(error.message)")
        }
        if batch == lastBatch, let k = lastResults.firstIndex(where: { $0.uuid == call.uuid && $0.outcome == nil }) {
            lastResults[k].outcome = outcome
            lastResults[k].text = TextFolding.displayLine(text)
            if !lastResults.contains(where: { $0.outcome == nil }) {
                let failed = lastResults.filter { if case .failed = $0.outcome { return true } else { return false } }.count
                let unknown = lastResults.filter { if case .unknown = $0.outcome { return true } else { return false } }.count
                let ok = lastResults.count - failed - unknown
                if lastResults.count > 1 || failed + unknown == 0 {
                    message(failed + unknown == 0 ? .info : .warning,
                            "\(title): \(ok) order\(ok == 1 ? "" : "s") done\(failed > 0 ? ", \(failed) failed" : "")\(unknown > 0 ? ", \(unknown) outcome unknown" : "")")
                }
                batchAction[batch] = nil
            }
        }
        return effects
    }
}
