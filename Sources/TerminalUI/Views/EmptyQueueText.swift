import OrderStore

/// What an empty list says, in words: still loading, nothing matching the filter, or nothing in the queue.
enum EmptyQueueText {
    static func text(state: AppState) -> String {
        if !state.hasLoaded { return state.loadProgress?.text ?? "loading…" }
        let queue = state.selectedQueue
        if !state.filterText.isEmpty { return "no orders in \(queue.name) match the filter “\(state.filterText)”" }
        switch queue.kind {
        case .needsMe: return "nothing needs you now: no order waits for your approval"
        case .pending: return "no orders in this queue: nothing is pending"
        case .executing: return "no orders in this queue: nothing is executing"
        case .erred: return "no orders in this queue: nothing has erred"
        case .done, .closed, .all: return "no orders in this queue"
        case .custom: return "no orders in this queue (\(queue.name))"
        }
    }
}
