import ArgumentParser
import Foundation
import OrderStore
import WaldurClient
import WaldurConfig

/// What a changing command asks of every order it names.
enum OrderChange: Sendable {
    /// An action of the store's `ActionTable`, with the texts the API takes; `side` is `--as consumer|provider`.
    case action(OrderAction, side: String? = nil, text: String? = nil, traceback: String? = nil, attributes: JSONValue? = nil)
    /// Upload the file as the order's attachment.
    case attachmentPut(filename: String, data: [UInt8])
    /// Remove the order's attachment.
    case attachmentRemove

    /// The title used in results, confirmations and the audit log.
    var title: String {
        switch self {
        case let .action(a, _, _, _, _): return a.title
        case .attachmentPut: return "attachment put"
        case .attachmentRemove: return "attachment rm"
        }
    }

    var needsApprovalLists: Bool {
        if case let .action(a, _, _, _, _) = self { return a == .approve || a == .reject }
        return false
    }
}

/// One order's planned request, or why none is sent.
struct PlannedOrder: Sendable {
    var uuid: WaldurUUID
    var order: Order?
    var step: Step

    enum Step: Sendable {
        case call(ActionCall)
        case attachmentPut(filename: String, data: [UInt8])
        case attachmentRemove
        /// Nothing is sent: the rules refuse, or the order could not be read.
        case refused(reason: String, outcome: String, status: Int?)
    }
}

/// Runs a changing command on every order it names, through the store's action table, rules, `executeAnswered` and
/// audit log: resolve references, read each order, ask the rules, then print (dry run), ask, or send each request once.
struct ActionRunner {
    let connection: ConnectionOptions
    let arguments: OrderArguments
    let options: ActionOptions

    func run(_ change: OrderChange) async throws {
        let references: [OrderReference]
        switch OrderReference.collect(arguments.orders) {
        case let .success(r): references = r
        case let .failure(e): throw UsageFailure(e.message)
        }
        guard !references.isEmpty else { throw UsageFailure("name at least one order (a uuid, a prefix of 8+ hex digits, or - for standard input)") }
        if references.count > 1, !options.yes, !options.dryRun, !TerminalIO.canAsk {
            throw UsageFailure("\(references.count) orders named and no terminal to ask on: give --yes to \(change.title) them all (or --dry-run to see the requests)")
        }
        let session = await (try await Session.open(connection)).identified()
        let status = await runConnected(change, references, session)
        await session.close()
        if status != 0 { throw ExitCode(status) }
    }

    func runConnected(_ change: OrderChange, _ references: [OrderReference], _ session: Session) async -> Int32 {
        let client = session.client
        let uuids: [WaldurUUID]
        do { uuids = try await OrderResolver(client: client).resolve(references) } catch {
            TerminalIO.note("waldur-orders: " + error.message)
            return 1
        }
        let plans = await plan(change, uuids, session)
        if options.dryRun {
            ResultOutput(format: options.format).write(plans.map { dryRunLine($0, change, client) })
            return plans.allSatisfy(\.isSendable) ? 0 : 1
        }
        let sendable = plans.filter(\.isSendable)
        if uuids.count > 1, !options.yes, !sendable.isEmpty {
            guard TerminalIO.confirm(confirmation(change, plans)) else {
                TerminalIO.note("nothing sent")
                return 1
            }
        }
        let lines = await execute(change, plans, session)
        TerminalIO.endProgress()
        ResultOutput(format: options.format).write(lines)
        return lines.allSatisfy(\.succeeded) ? 0 : 1
    }

    /// Reads every order (in full) and, for approve and reject, the user's can-approve lists; then asks the rules.
    func plan(_ change: OrderChange, _ uuids: [WaldurUUID], _ session: Session) async -> [PlannedOrder] {
        let client = session.client
        let configuration = StoreConfiguration(isStaff: session.isStaff, username: session.username)
        let read: [Result<Order, WaldurError>] = await boundedMap(uuids, limit: options.concurrency) { uuid in
            do throws(WaldurError) { return .success(try await client.retrieve(uuid)) } catch { return .failure(error) }
        }
        var consumerList: Set<WaldurUUID> = []
        var providerList: Set<WaldurUUID> = []
        var listFailure: String?
        if change.needsApprovalLists {
            let states = read.compactMap { try? $0.get().state }
            do throws(WaldurError) {
                if states.contains(.pendingConsumer) { consumerList = try await Self.approvable(client, consumer: true) }
                if states.contains(.pendingProvider) { providerList = try await Self.approvable(client, consumer: false) }
            } catch {
                listFailure = "could not read your can-approve list: \(error.message)"
            }
        }
        return zip(uuids, read).map { uuid, result in
            switch result {
            case let .failure(error):
                return PlannedOrder(uuid: uuid, order: nil, step: .refused(reason: Self.sentence(error), outcome: AuditOutcome(.failure(error)).rawValue,
                                                                             status: error.status))
            case let .success(order):
                if let listFailure { return PlannedOrder(uuid: uuid, order: order, step: .refused(reason: listFailure, outcome: "failed", status: nil)) }
                let facts = ActionRules.facts(of: order, canApproveAsConsumer: consumerList.contains(uuid),
                                              canApproveAsProvider: providerList.contains(uuid), username: session.username)
                return PlannedOrder(uuid: uuid, order: order, step: Self.step(change, uuid, facts, configuration))
            }
        }
    }

    /// The store's `can_approve_as_*` list of pending orders, as uuids (the screen loads the same query).
    static func approvable(_ client: WaldurClient, consumer: Bool) async throws(WaldurError) -> Set<WaldurUUID> {
        var q = OrderListQuery()
        if consumer { q.canApproveAsConsumer = true; q.state = [.pendingConsumer] } else { q.canApproveAsProvider = true; q.state = [.pendingProvider] }
        q.fields = ["uuid"]
        q.pageSize = 200
        return Set(try await client.listAll(q).map(\.uuid))
    }

    /// The rules' decision for one order.
    static func step(_ change: OrderChange, _ uuid: WaldurUUID, _ facts: OrderFacts, _ configuration: StoreConfiguration) -> PlannedOrder.Step {
        switch change {
        case let .action(action, side, text, traceback, attributes):
            let availability = ActionRules.availability(of: action, for: facts, configuration: configuration)
            guard let endpoint = availability.endpoint else {
                return .refused(reason: availability.reason ?? "\(action.title) is not available for this order", outcome: "refused", status: nil)
            }
            if let side, let chosen = endpoint.side, chosen != side {
                return .refused(reason: "this order is \(facts.state.wire): it waits for the \(chosen), not the \(side) (--as \(side))",
                                outcome: "refused", status: nil)
            }
            if attributes != nil, endpoint != .approveByProvider {
                return .refused(reason: "--attributes goes only with the provider's approval; this order is \(facts.state.wire)", outcome: "refused", status: nil)
            }
            // The consumer's rejection takes no comment: it is not sent, so the audit log does not claim it was.
            let sentText = endpoint == .rejectByConsumer ? nil : text
            return .call(ActionCall(endpoint, uuid, text: sentText, traceback: traceback, attributes: attributes))
        case let .attachmentPut(filename, data):
            if let reason = ActionRules.attachmentRefusal(for: facts, configuration: configuration) { return .refused(reason: reason, outcome: "refused", status: nil) }
            return .attachmentPut(filename: filename, data: data)
        case .attachmentRemove:
            if let reason = ActionRules.attachmentRefusal(for: facts, configuration: configuration) { return .refused(reason: reason, outcome: "refused", status: nil) }
            return .attachmentRemove
        }
    }

    /// "approve 3 orders (2 as consumer, 1 as provider; 1 refused), costs 120.50 in total. Proceed?"
    func confirmation(_ change: OrderChange, _ plans: [PlannedOrder]) -> String {
        var sides: [(String, Int)] = []
        var total = Decimal(0)
        var count = 0
        for p in plans where p.isSendable {
            count += 1
            total += p.order?.cost?.value ?? 0
            if case let .call(call) = p.step, let side = call.endpoint.side {
                if let i = sides.firstIndex(where: { $0.0 == side }) { sides[i].1 += 1 } else { sides.append((side, 1)) }
            }
        }
        var parts = sides.map { "\($0.1) as \($0.0)" }
        let refused = plans.count - count
        if refused > 0 { parts.append("\(refused) refused, not sent") }
        let detail = parts.isEmpty ? "" : " (" + parts.joined(separator: ", ") + ")"
        return "\(change.title) \(count) order\(count == 1 ? "" : "s")\(detail), costs \(Money(total).formatted()) in total. Proceed?"
    }

    func dryRunLine(_ p: PlannedOrder, _ change: OrderChange, _ client: WaldurClient) -> ResultLine {
        let state = p.order?.state?.wire
        switch p.step {
        case let .call(call):
            let row = ActionTable.row(call.endpoint)
            let url = client.ordersURL(call.uuid, action: row.operation.pathSegment).absoluteString
            return ResultLine(order: p.uuid, action: change.title, endpoint: call.endpoint.wirePath, httpStatus: nil, state: state,
                              outcome: "would-send", message: "", request: DryRunRequest(method: row.operation.method, url: url, body: row.body(call)))
        case let .attachmentPut(filename, data):
            let url = client.ordersURL(p.uuid, action: "update_attachment").absoluteString
            return ResultLine(order: p.uuid, action: change.title, endpoint: "update_attachment", httpStatus: nil, state: state, outcome: "would-send",
                              message: "multipart attachment \(filename), \(data.count) bytes", request: DryRunRequest(method: "POST", url: url, body: nil))
        case .attachmentRemove:
            let operation = OrderOperation.deleteAttachment
            let url = client.ordersURL(p.uuid, action: operation.pathSegment).absoluteString
            return ResultLine(order: p.uuid, action: change.title, endpoint: operation.wireName, httpStatus: nil, state: state, outcome: "would-send",
                              message: "", request: DryRunRequest(method: operation.method, url: url, body: nil))
        case let .refused(reason, outcome, status):
            return ResultLine(order: p.uuid, action: change.title, endpoint: nil, httpStatus: status, state: state, outcome: outcome, message: reason)
        }
    }

    /// Sends each planned request once (bounded concurrency), records it in the audit log before its result is shown.
    func execute(_ change: OrderChange, _ plans: [PlannedOrder], _ session: Session) async -> [ResultLine] {
        let client = session.client
        let environment = ProcessInfo.processInfo.environment
        let audit = FileAuditLog(directory: StatePaths.stateDirectory(environment: environment, homeDirectory: FileManager.default.homeDirectoryForCurrentUser),
                                 server: session.host, user: session.username, redacting: [client.configuration.token?.secret].compactMap { $0 })
        let user = session.username
        let title = change.title
        let total = plans.count
        let auditFailures = AuditFailures()
        let lines = await boundedMap(plans, limit: options.concurrency, progress: { done in
            TerminalIO.progress("\(title): \(done) of \(total) orders")
        }) { p -> ResultLine in
            let state = p.order?.state?.wire
            switch p.step {
            case let .refused(reason, outcome, status):
                return ResultLine(order: p.uuid, action: title, endpoint: nil, httpStatus: status, state: state, outcome: outcome, message: reason)
            case let .call(call):
                let run = await Store.executeAnswered(call, client)
                if run.sent {
                    let entry = AuditEntry(time: Date(), user: user, call: call, action: title, answer: run.answer, replaced: run.replaced)
                    do { try await audit.record(entry) } catch { await auditFailures.add("\(error)") }
                }
                return Self.explained(Self.line(p.uuid, title, call.endpoint.wirePath, run), before: state)
            case let .attachmentPut(filename, data):
                return Self.explained(await Self.attachment(p.uuid, title, "update_attachment", filename, client, audit, user, auditFailures) {
                    () async throws(WaldurError) -> ActionResult in
                    _ = try await client.updateAttachment(p.uuid, filename: filename, data: data)
                    return ActionResult(status: 200, detail: nil)
                }, before: state)
            case .attachmentRemove:
                return Self.explained(await Self.attachment(p.uuid, title, OrderOperation.deleteAttachment.wireName, nil, client, audit, user, auditFailures) {
                    () async throws(WaldurError) -> ActionResult in try await client.deleteAttachment(p.uuid)
                }, before: state)
            }
        }
        for failure in await auditFailures.all { TerminalIO.note("waldur-orders: the audit log could not be written: \(failure)") }
        return lines
    }

    /// An attachment call: sent once, recorded, then the order re-read.
    static func attachment(_ uuid: WaldurUUID, _ title: String, _ endpoint: String, _ filename: String?, _ client: WaldurClient,
                           _ audit: FileAuditLog, _ user: String?, _ failures: AuditFailures,
                           _ send: () async throws(WaldurError) -> ActionResult) async -> ResultLine {
        let answer: Result<ActionResult, WaldurError>
        do throws(WaldurError) { answer = .success(try await send()) } catch { answer = .failure(error) }
        var entry = AuditEntry(time: Date(), user: user, order: uuid, action: title, endpoint: endpoint, text: filename, outcome: AuditOutcome(answer))
        switch answer {
        case let .success(r): entry.httpStatus = r.status; entry.message = r.detail
        case let .failure(e): entry.httpStatus = e.status; entry.message = sentence(e)
        }
        do { try await audit.record(entry) } catch { await failures.add("\(error)") }
        switch answer {
        case let .failure(e):
            return ResultLine(order: uuid, action: title, endpoint: endpoint, httpStatus: e.status, state: nil, outcome: AuditOutcome(answer).rawValue, message: sentence(e))
        case let .success(r):
            let state = try? await client.retrieve(uuid, fields: ["uuid", "state"]).state?.wire
            return ResultLine(order: uuid, action: title, endpoint: endpoint, httpStatus: r.status, state: state, outcome: "succeeded", message: r.detail ?? "")
        }
    }

    /// A refused or failed line keeps the state read before the call (the server did not change it); a 404 on an order
    /// that was just read means the endpoint is missing (Waldur 2024-10 has no set_backend_id or attachment endpoints).
    static func explained(_ line: ResultLine, before: String?) -> ResultLine {
        var line = line
        guard line.outcome == "refused" || line.outcome == "failed" else { return line }
        if line.state == nil { line.state = before }
        if line.httpStatus == 404, before != nil, let endpoint = line.endpoint, endpoint != "delete", endpoint != "unlink" {
            line.message = "this server has no \(endpoint) endpoint (the order itself was readable just before); \(line.message)"
        }
        return line
    }

    /// The result line of a table action's run.
    static func line(_ uuid: WaldurUUID, _ title: String, _ endpoint: String, _ run: Store.CallRun) -> ResultLine {
        var status: Int?
        var detail = ""
        switch run.answer {
        case let .success(r): status = r.status; detail = r.detail ?? ""
        case let .failure(e): status = e.status
        }
        var line = ResultLine(order: uuid, action: title, endpoint: endpoint, httpStatus: status, state: nil, outcome: "succeeded", message: detail)
        switch run.outcome {
        case let .updated(order): line.state = order.state?.wire
        case .removed: line.state = "removed"
        case let .failed(e):
            line.outcome = run.sent ? AuditOutcome(.failure(e)).rawValue : "failed"
            line.message = sentence(e)
        case let .unconfirmed(e):
            line.message = (detail.isEmpty ? "" : detail + "; ") + "the order could not be re-read: \(e.message)"
        case let .unknown(e, refetched):
            line.outcome = "unknown"
            line.state = try? refetched.get().state?.wire
            line.message = "\(e.message) Whether the server applied it is unknown; it was not sent again."
        }
        return line
    }

    /// The server's own sentence when it sent one, else the client's.
    static func sentence(_ error: WaldurError) -> String {
        if case let .http(_, message?, _) = error, !message.isEmpty { return message }
        return error.message
    }
}

extension PlannedOrder {
    var isSendable: Bool { if case .refused = step { return false } else { return true } }
}

/// Audit-log write failures collected across concurrent calls.
actor AuditFailures {
    private(set) var all: [String] = []
    func add(_ failure: String) { all.append(failure) }
}
