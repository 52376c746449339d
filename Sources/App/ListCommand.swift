import ArgumentParser
import Foundation
import WaldurClient

/// `waldur-orders list`: orders as a table, JSON, NDJSON or TSV, for scripts and quick looks.
struct ListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List orders (table, json, ndjson or tsv).",
        discussion: "Example: waldur-orders list --state erred --state executing --format ndjson"
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, json, ndjson, tsv }

    @OptionGroup var connection: ConnectionOptions

    @Option(help: "Only orders in this state (repeatable).") var state: [String] = []
    @Option(help: "Only orders of this type: Create, Update, Terminate, Restore (repeatable).") var type: [String] = []
    @Option(help: "Only orders of this offering (uuid).") var offering: String?
    @Option(help: "Only orders of this project (uuid).") var project: String?
    @Option(help: "Only orders of this customer (uuid).") var customer: String?
    @Option(help: "Only orders of this service provider (uuid).") var provider: String?
    @Option(help: "Order uuid, project name or resource name.") var query: String?
    @Flag(name: .customLong("can-approve-as-consumer"), help: "Only orders you can approve as consumer now.") var canApproveAsConsumer = false
    @Flag(name: .customLong("can-approve-as-provider"), help: "Only orders you can approve as provider now.") var canApproveAsProvider = false
    @Option(help: "Only these fields (repeatable; json/ndjson).") var field: [String] = []
    @Option(name: .customLong("order-by"), help: "Server ordering: created, cost, state, consumer_reviewed_at; '-' for descending (repeatable).")
    var orderBy: [String] = []
    // `.unconditional`: `--limit -3` is read as the value -3 (then refused below), not as a missing value.
    @Option(parsing: .unconditional, help: "Stop after this many orders.") var limit: Int?
    @Option(name: .customLong("page-size"), parsing: .unconditional, help: "Orders per request.") var pageSize: Int = 100
    @Option(help: "Output format: table, json, ndjson, tsv.") var format: Format = .table
    @Flag(help: "Print the orders of the local snapshot (what the screen last loaded) without asking the server for the list; the filters apply locally.")
    var cached = false

    func validate() throws {
        for s in state where OrderState(wire: s).isUnknownValue {
            throw ValidationError("unknown state '\(s)'; use one of: \(OrderState.known.map(\.wire).joined(separator: ", "))")
        }
        for t in type where OrderType(wire: t).isUnknownValue {
            throw ValidationError("unknown type '\(t)'; use one of: \(OrderType.known.map(\.wire).joined(separator: ", "))")
        }
        if let limit, limit < 1 { throw ValidationError("the limit must be a positive number (--limit \(limit))") }
        if pageSize < 1 { throw ValidationError("the page size must be a positive number (--page-size \(pageSize))") }
        if cached, !orderBy.isEmpty { throw ValidationError("--order-by asks the server; the local snapshot (--cached) lists newest first") }
    }

    var listQuery: OrderListQuery {
        var q = OrderListQuery()
        q.state = state.map(OrderState.init(wire:))
        q.type = type.map(OrderType.init(wire:))
        q.offeringUUID = offering.map { WaldurUUID($0) }
        q.projectUUID = project.map { WaldurUUID($0) }
        q.customerUUID = customer.map { WaldurUUID($0) }
        q.providerUUID = provider.map { WaldurUUID($0) }
        q.query = query
        if canApproveAsConsumer { q.canApproveAsConsumer = true }
        if canApproveAsProvider { q.canApproveAsProvider = true }
        q.ordering = orderBy
        q.pageSize = min(pageSize, limit ?? pageSize)
        if !field.isEmpty {
            q.fields = field.contains("uuid") ? field : ["uuid"] + field
        } else if format == .table || format == .tsv {
            q.fields = OrderListOutput.columnFields
        }
        return q
    }

    func run() async throws {
        if cached { return try await runCached() }
        let session = try await Session.open(connection)
        defer { Task { await session.close() } }
        let output = OrderListOutput(format: format, width: TerminalSize.columns(), fields: field)
        var seen = 0
        var collected: [Order] = []
        // JSON and NDJSON print each order as the server sent it: every key, null values, numbers as written.
        var collectedRaw: [JSONValue] = []
        do {
            pages: for try await page in session.client.listOrders(listQuery) {
                var orders = page.orders
                var raw = page.raw.count == page.orders.count ? page.raw : page.orders.map(\.json)
                if let limit, seen + orders.count > limit {
                    orders = Array(orders.prefix(limit - seen))
                    raw = Array(raw.prefix(limit - seen))
                }
                seen += orders.count
                switch format {
                case .ndjson: output.writeRawNDJSON(raw)
                case .json: collectedRaw += raw
                default: collected += orders
                }
                if let limit, seen >= limit { break pages }
            }
        } catch let error as WaldurError {
            await session.close()
            throw CommandFailure(error.message)
        }
        switch format {
        case .ndjson: break
        case .json: output.emit(JSONWriter.string(.array(collectedRaw)) + "\n")
        case .tsv: output.writeTSV(collected)
        case .table: output.writeTable(collected)
        }
        await session.close()
    }
}

extension OrderState {
    var isUnknownValue: Bool { if case .unknown = self { return true } else { return false } }
}

extension OrderType {
    var isUnknownValue: Bool { if case .unknown = self { return true } else { return false } }
}
