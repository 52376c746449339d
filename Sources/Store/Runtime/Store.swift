import Foundation
import WaldurClient

/// Runs the reducer on the main actor and executes its effects through an `OrderService`; results come back as actions.
@MainActor
public final class Store {
    /// The current state.
    public private(set) var state: AppState
    /// Called after every action with the new state (the UI redraws from it).
    public var onChange: (@MainActor (AppState) -> Void)?

    let service: any OrderService
    /// Where the sort is remembered (nil: nowhere).
    let sortFile: SortFile?
    let clock: @Sendable () -> Date
    let audit: (any AuditRecorder)?
    /// The local snapshot of this server and user (nil: none is read or written).
    let snapshotFile: SnapshotFile?
    /// A snapshot write is running / another was asked for meanwhile.
    var snapshotWriting = false
    var snapshotWriteAgain = false
    var loadTasks: [Int: Task<Void, Never>] = [:]
    var tasks: [Int: Task<Void, Never>] = [:]
    var nextTask = 0
    var ticker: Task<Void, Never>?

    /// - Parameters:
    ///   - sortFile: where the sort is remembered; nil uses the configuration's state directory (none: not remembered).
    ///   - clock: the time source for `.start`, ticks and audit entries.
    ///   - audit: where every action call is recorded before its result is shown; nil records nothing.
    ///   - snapshot: the local snapshot to start from and keep written (with `configuration.startsFromSnapshot`).
    public init(service: any OrderService, configuration: StoreConfiguration, sortFile: SortFile? = nil,
                clock: @escaping @Sendable () -> Date = { Date() }, audit: (any AuditRecorder)? = nil,
                snapshot: SnapshotFile? = nil) {
        self.service = service
        self.audit = audit
        self.snapshotFile = snapshot
        self.sortFile = sortFile ?? configuration.stateDirectory.map { SortFile(directory: $0) }
        self.clock = clock
        self.state = AppState(configuration: configuration, now: clock())
    }

    /// Applies an action and starts its effects.
    public func send(_ action: AppAction) {
        let effects = reduce(&state, action)
        onChange?(state)
        for effect in effects { run(effect) }
    }

    /// Sends `.start` and, when `tickEvery` is given, a `.tick` that often (the live refresh clock).
    public func start(tickEvery seconds: TimeInterval? = 1) {
        send(.start(now: clock()))
        guard let seconds, seconds > 0, ticker == nil else { return }
        let clock = self.clock
        ticker = Task { [weak self] in
            while !Task.isCancelled {
                try? await Task.sleep(nanoseconds: UInt64(seconds * 1_000_000_000))
                guard !Task.isCancelled else { return }
                self?.send(.tick(now: clock()))
            }
        }
    }

    /// Cancels the ticker and every running effect.
    public func stop() {
        ticker?.cancel()
        ticker = nil
        for t in loadTasks.values { t.cancel() }
        for t in tasks.values { t.cancel() }
        loadTasks = [:]
        tasks = [:]
    }

    /// Waits until no effect is running (for tests and orderly shutdown).
    public func waitUntilIdle() async {
        while true {
            let running = Array(loadTasks.values) + Array(tasks.values)
            if running.isEmpty { return }
            for t in running { await t.value }
        }
    }

    func track(_ body: @escaping @MainActor (Store) async -> Void) {
        nextTask += 1
        let key = nextTask
        tasks[key] = Task { [weak self] in
            guard let self else { return }
            await body(self)
            self.tasks[key] = nil
        }
    }

    func run(_ effect: Effect) {
        switch effect {
        case .loadPersistedSort:
            let file = sortFile
            track { store in
                let sort = await Task.detached { file?.read() }.value
                store.send(.persistedSortLoaded(sort))
            }
        case let .persistSort(sort):
            guard let file = sortFile else { return }
            track { store in
                let failure: String? = await Task.detached { () -> String? in
                    do { try file.write(sort); return nil } catch { return "\(error)" }
                }.value
                if let failure { store.send(.sortNotRemembered("could not remember the sort in \(file.url.path): \(failure)")) }
            }
        case let .load(request):
            let service = self.service
            let id = request.id
            loadTasks[id] = Task { [weak self] in
                do {
                    for try await page in service.listOrders(request, concurrency: 4) {
                        try Task.checkCancellation()
                        self?.send(.pageLoaded(id: id, orders: page.orders, totalCount: page.totalCount))
                    }
                    try Task.checkCancellation()
                    self?.send(.loadFinished(id: id))
                } catch let error as WaldurError {
                    if !Task.isCancelled { self?.send(.loadFailed(id: id, error: error)) }
                } catch {
                    if !Task.isCancelled { self?.send(.loadFailed(id: id, error: .cancelled)) }
                }
                self?.loadTasks[id] = nil
            }
        case .loadSnapshot, .writeSnapshot:
            runSnapshot(effect)
        case let .cancelLoad(id):
            loadTasks.removeValue(forKey: id)?.cancel()
        case let .retrieveOrder(uuid):
            let service = self.service
            track { store in
                do throws(WaldurError) {
                    let order = try await service.retrieve(uuid, fields: [])
                    store.send(.orderRetrieved(order))
                } catch {
                    store.send(.orderRetrieveFailed(uuid, error))
                }
            }
        case let .runActions(batch, calls, concurrency):
            // Defence in depth: read-only never reaches the server, whatever the reducer said.
            if state.configuration.readOnly {
                for call in calls {
                    send(.actionCompleted(batch: batch, call: call, outcome: .failed(.configuration("read-only mode: actions are disabled"))))
                }
                return
            }
            let service = self.service
            let audit = self.audit
            let clock = self.clock
            let title = state.batchAction[batch]?.title
            let user = state.configuration.username
            track { store in
                var auditFailures = 0
                var lastAuditFailure = ""
                var shownLast = false
                await withTaskGroup(of: (ActionCall, ActionOutcome, Int?, String?).self) { group in
                    var next = 0
                    func startNext() {
                        guard next < calls.count else { return }
                        let call = calls[next]
                        next += 1
                        group.addTask {
                            let run = await Store.executeAnswered(call, service)
                            let status: Int? = switch run.answer {
                            case let .success(r): r.status
                            case let .failure(e): e.status
                            }
                            // A call refused before anything was sent leaves nothing to record.
                            guard let audit, run.sent else { return (call, run.outcome, status, nil) }
                            // The record reaches the disk before the result is shown.
                            let entry = AuditEntry(time: clock(), user: user, call: call, action: title, answer: run.answer, replaced: run.replaced)
                            do { try await audit.record(entry) } catch { return (call, run.outcome, status, "\(error)") }
                            return (call, run.outcome, status, nil)
                        }
                    }
                    for _ in 0..<max(1, concurrency) { startNext() }
                    while let (call, outcome, status, auditFailure) = await group.next() {
                        store.send(.actionCompleted(batch: batch, call: call, outcome: outcome, httpStatus: status))
                        shownLast = false
                        if let auditFailure {
                            auditFailures += 1
                            lastAuditFailure = auditFailure
                            // The first failure shows at once; the end of the batch repeats it (with a count) unless it was last.
                            if auditFailures == 1 { store.send(.auditFailed(auditFailure)); shownLast = true }
                        }
                        startNext()
                    }
                }
                if auditFailures > 1 {
                    store.send(.auditFailed("\(auditFailures) of \(calls.count) actions not recorded; last: \(lastAuditFailure)"))
                } else if auditFailures == 1, !shownLast {
                    store.send(.auditFailed(lastAuditFailure))
                }
            }
        }
    }

    /// Runs one call and re-fetches the order, so the list shows only what the server confirmed.
    nonisolated static func execute(_ call: ActionCall, _ service: any OrderService) async -> ActionOutcome {
        await executeAnswered(call, service).outcome
    }

    /// What running one call came to: the outcome, the action request's answer, what it replaced, and whether the
    /// action request was sent at all.
    public struct CallRun: Sendable {
        /// The outcome as the screen shows it (the re-fetched order, its removal, or the error).
        public var outcome: ActionOutcome
        /// The answer to the action request itself.
        public var answer: Result<ActionResult, WaldurError>
        /// What the call replaced (set erred: the message and traceback before it).
        public var replaced: ReplacedTexts?
        /// Whether the action request was sent at all.
        public var sent = true
    }

    /// `execute`, also returning the answer of the action request itself and what it replaced (for the audit log).
    /// Set erred first reads the order, so that the message and traceback it overwrites are kept.
    public nonisolated static func executeAnswered(_ call: ActionCall, _ service: any OrderService) async -> CallRun {
        var replaced: ReplacedTexts?
        if call.endpoint == .setStateErred {
            do throws(WaldurError) {
                let before = try await service.retrieve(call.uuid, fields: ["uuid", "error_message", "error_traceback"])
                replaced = ReplacedTexts(errorMessage: before.errorMessage ?? "", errorTraceback: before.errorTraceback)
            } catch {
                let refusal = WaldurError.configuration(
                    "not sent: the current error message could not be read to keep it in the audit log (\(error.message))")
                return CallRun(outcome: .failed(refusal), answer: .failure(refusal), sent: false)
            }
        }
        let result: ActionResult
        do throws(WaldurError) {
            result = try await service.perform(call)
        } catch {
            guard error.outcomeUnknown else { return CallRun(outcome: .failed(error), answer: .failure(error), replaced: replaced) }
            // The request may have reached the server: never resend it, but look at what the server has now.
            do throws(WaldurError) {
                let now = try await service.retrieve(call.uuid, fields: [])
                return CallRun(outcome: .unknown(error, refetched: .success(now)), answer: .failure(error), replaced: replaced)
            } catch let refetchError {
                return CallRun(outcome: .unknown(error, refetched: .failure(refetchError)), answer: .failure(error), replaced: replaced)
            }
        }
        if call.endpoint.removesOrder { return CallRun(outcome: .removed, answer: .success(result)) }
        do throws(WaldurError) {
            return CallRun(outcome: .updated(try await service.retrieve(call.uuid, fields: [])), answer: .success(result), replaced: replaced)
        } catch {
            return CallRun(outcome: error.status == 404 ? .removed : .unconfirmed(error), answer: .success(result), replaced: replaced)
        }
    }
}
