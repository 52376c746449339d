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
                          isCreator: OrderFacts.isCreator(creator, username: configuration.username))
    }

    /// Availability of `action` for one loaded order (a pending action of the same order makes it unavailable).
    public func availability(of action: OrderAction, for uuid: WaldurUUID) -> ActionAvailability {
        guard let facts = facts(for: uuid) else { return .unavailable(action, "the order is not loaded") }
        if let reason = cachedRowRefusal(uuid) { return .unavailable(action, reason) }
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

    /// Marked orders whose last action failed (they keep a reason in `markReasons`).
    public var failedMarkCount: Int { markReasons.keys.filter { marked.contains($0) }.count }

    /// Marked orders that the current view (queue and filter) does not show.
    public var markedOutsideView: Set<WaldurUUID> {
        guard !marked.isEmpty else { return [] }
        var rowsOfMarks: [Int32: WaldurUUID] = [:]
        var outside: Set<WaldurUUID> = []
        for u in marked {
            if let r = rowIndex(u) { rowsOfMarks[r] = u } else { outside.insert(u) }
        }
        var seen = Set<Int32>()
        for r in visible where rowsOfMarks[r] != nil { seen.insert(r) }
        for (r, u) in rowsOfMarks where !seen.contains(r) { outside.insert(u) }
        return outside
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
        let hidden = markedOutsideView
        guard !calls.isEmpty else {
            let reason = skipped.first?.reason ?? "not available"
            let outside = hidden.isEmpty ? "" : " (\(hidden.count) of them not in this view)"
            message(.warning, targets.count == 1 ? "cannot \(action.title): \(reason)" : "cannot \(action.title) any of the \(targets.count) marked orders\(outside): \(reason)")
            return []
        }
        // The API takes a rejection comment only on the provider side: a consumer-only reject asks for nothing.
        let fields = action == .reject && !calls.contains { $0.endpoint == .rejectByProvider } ? [] : action.inputs
        var c = ActionConfirmation(action: action, calls: calls, skipped: skipped,
                                   summary: AppState.summary(action, calls, skipped, resulting), fields: fields)
        c.hidden = hidden.intersection(targets)
        for call in calls {
            guard let i = rowIndex(call.uuid), let cost = rows[Int(i)].cost else { continue }
            c.totalCost = (c.totalCost ?? 0) + cost
            c.costedCount += 1
        }
        c.notes = notes(for: action, calls: calls)
        if let draft = actionDrafts[action], draft.count == c.texts.count {
            c.texts = draft
            actionDrafts[action] = nil
            message(.info, "restored the text you typed before cancelling")
        }
        confirmation = c
        return []
    }

    /// What the reviewer must know before confirming: for set erred, the texts the server replaces.
    func notes(for action: OrderAction, calls: [ActionCall]) -> [String] {
        guard action == .setStateErred else { return [] }
        var notes: [String] = []
        if calls.count == 1, let uuid = calls.first?.uuid {
            if let order = detailCache[uuid] {
                let current = order.errorMessage.map { TextFolding.displayLine(TextFolding.clipped($0, maxBytes: 512)) } ?? ""
                notes.append(current.isEmpty ? "Current error message: none" : "Current error message: \(current)")
                if let tb = order.errorTraceback, !tb.isEmpty {
                    notes.append("It has a traceback of \(tb.split(separator: "\n", omittingEmptySubsequences: false).count) lines.")
                }
            } else {
                notes.append("Current error message: not loaded yet (it is read again just before sending)")
            }
        }
        notes.append("The server replaces the error message and the traceback; the old ones are kept in the audit log.")
        let notExecuting = calls.filter { facts(for: $0.uuid).map { $0.state != .executing } ?? false }.count
        if notExecuting > 0 {
            notes.append(calls.count == 1 ? "This order is not executing: the server keeps its state and only replaces the texts."
                : "\(notExecuting) of these orders are not executing: the server keeps their state and only replaces the texts.")
        }
        return notes
    }

    /// Closes the confirmation without running anything; typed texts are kept for the next dialog of that action.
    mutating func cancelConfirmation() {
        guard let c = confirmation else { return }
        if c.texts.contains(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) {
            actionDrafts[c.action] = c.texts
            message(.info, "\(c.action.title) cancelled; what you typed is kept for the next \(c.action.title)")
        }
        confirmation = nil
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
            message(.warning, "\(c.action.title) needs \(c.missingField?.withArticle ?? "a value")")
            return []
        }
        func typed(_ i: Int) -> String? {
            let t = i < c.texts.count ? c.texts[i].trimmingCharacters(in: .whitespacesAndNewlines) : ""
            return t.isEmpty ? nil : t
        }
        var calls: [ActionCall] = []
        for var call in c.calls where pendingActions[call.uuid] == nil {
            switch call.endpoint {
            case .setStateErred:
                call.text = typed(0)
                call.traceback = typed(1)
            case .setBackendID, .rejectByProvider: call.text = typed(0)
            default: call.text = nil
            }
            calls.append(call)
        }
        confirmation = nil
        guard !calls.isEmpty else {
            message(.warning, "\(c.action.title) is already running for these orders")
            return []
        }
        clearTopic(.action)
        lastBatch += 1
        batchAction[lastBatch] = c.action
        for call in calls { pendingActions[call.uuid] = c.action }
        lastResults = calls.map { ActionResultLine(uuid: $0.uuid, endpoint: $0.endpoint, outcome: nil, text: "running…") }
        message(.info, "\(c.summary): running", topic: .action)
        return [.runActions(batch: lastBatch, calls: calls, concurrency: max(1, configuration.actionConcurrency))]
    }

    mutating func actionCompleted(batch: Int, call: ActionCall, outcome: ActionOutcome, httpStatus: Int? = nil) -> [Effect] {
        pendingActions[call.uuid] = nil
        let action = batchAction[batch]
        let title = action?.title ?? call.endpoint.rawValue
        let short = String(call.uuid.hex.prefix(8))
        var text: String
        var effects: [Effect] = []
        var succeeded = false
        var notice: (StatusMessage.Level, String)?
        switch outcome {
        case let .updated(order):
            text = "\(title) done; now \(order.state?.wire ?? "unknown")"
            if rowIndex(order.uuid) != nil { effects += acceptFullOrder(order) }
            succeeded = true
        case .removed:
            text = "\(title) done; order removed"
            let key = RowKey(call.uuid)
            removeRows { $0.key == key }
            resort()
            effects += selectionEffects()
            succeeded = true
        case let .failed(error):
            text = error.message
            notice = (.error, "\(title) \(short): \(error.message)")
        case let .unknown(error, .success(order)):
            text = "\(title) outcome unknown (\(error.message)); re-fetched: now \(order.state?.wire ?? "unknown")"
            if rowIndex(order.uuid) != nil { effects += acceptFullOrder(order) }
            notice = (.warning, "\(title) \(short): outcome unknown, re-fetched (\(error.message))")
        case let .unknown(error, .failure(refetchError)):
            text = "\(title) outcome unknown (\(error.message)); re-fetching failed too: \(refetchError.message)"
            notice = (.warning, "\(title) \(short): outcome unknown (\(error.message)); re-fetching failed: \(refetchError.message)")
        case let .unconfirmed(error):
            text = "\(title) sent, but re-fetching the order failed: \(error.message)"
            notice = (.warning, "\(title) \(short): sent, but re-fetching failed: \(error.message)")
            succeeded = true
        }
        // Marks follow one rule: what worked is unmarked, what did not stays marked with its reason.
        if succeeded {
            marked.remove(call.uuid)
            markReasons[call.uuid] = nil
        } else if marked.contains(call.uuid) {
            markReasons[call.uuid] = TextFolding.displayLine(text)
        }
        log(succeeded ? .info : .error,
            "order \(call.uuid.hex): \(title) (\(call.endpoint.wirePath)) → \(httpStatus.map { "HTTP \($0)" } ?? "no HTTP answer"): \(text)",
            topic: .action)
        if let notice { message(notice.0, notice.1, topic: .action) }
        if batch == lastBatch, let k = lastResults.firstIndex(where: { $0.uuid == call.uuid && $0.outcome == nil }) {
            lastResults[k].outcome = outcome
            lastResults[k].text = TextFolding.displayLine(text)
            if !lastResults.contains(where: { $0.outcome == nil }) {
                let failed = lastResults.filter { if case .failed = $0.outcome { return true } else { return false } }.count
                let unknown = lastResults.filter { if case .unknown = $0.outcome { return true } else { return false } }.count
                let ok = lastResults.count - failed - unknown
                if lastResults.count > 1 || failed + unknown == 0 {
                    retireMessages { $0.topic == .action && $0.level == .info }
                    message(failed + unknown == 0 ? .info : .warning,
                            "\(title): \(ok) order\(ok == 1 ? "" : "s") done\(failed > 0 ? ", \(failed) failed" : "")\(unknown > 0 ? ", \(unknown) outcome unknown" : "")",
                            topic: .action)
                }
                batchAction[batch] = nil
            }
        }
        return effects
    }
}
