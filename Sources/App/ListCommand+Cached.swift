import ArgumentParser
import Foundation
import OrderStore
import WaldurClient

/// `list --cached`: the orders of the local snapshot, filtered here; the server is asked only who the user is.
extension ListCommand {
    func runCached() async throws {
        let session = await (try await Session.open(connection)).identified()
        defer { Task { await session.close() } }
        let file = session.snapshotFile(environment: ProcessInfo.processInfo.environment,
                                        homeDirectory: FileManager.default.homeDirectoryForCurrentUser)
        guard let snapshot = await Task.detached(operation: { file.read() }).value else {
            await session.close()
            throw CommandFailure("no usable local snapshot for \(session.username ?? "this user") on \(session.host) "
                + "(\(file.url.path)); the screen writes it after its first full load")
        }
        var orders = snapshot.cachedOrders().filter(matches).map(\.order)
        if let limit { orders = Array(orders.prefix(limit)) }
        let output = OrderListOutput(format: format, width: TerminalSize.columns(), fields: field)
        let objects = orders.map { selectingFields($0.json) }
        switch format {
        case .ndjson: output.writeRawNDJSON(objects)
        case .json: output.emit(JSONWriter.string(.array(objects)) + "\n")
        case .tsv: output.writeTSV(orders)
        case .table: output.writeTable(orders)
        }
        await session.close()
    }

    /// The list's filters, applied to a cached order.
    func matches(_ cached: CachedOrder) -> Bool {
        let o = cached.order
        let q = listQuery
        if !q.state.isEmpty, !q.state.contains(where: { $0 == o.state }) { return false }
        if !q.type.isEmpty, !q.type.contains(where: { $0 == o.type }) { return false }
        if let u = q.offeringUUID, o.offeringUUID?.hex != u.hex { return false }
        if let u = q.projectUUID, o.projectUUID?.hex != u.hex { return false }
        if let u = q.customerUUID, o.customerUUID?.hex != u.hex { return false }
        if let u = q.providerUUID, o.providerUUID?.hex != u.hex { return false }
        if canApproveAsConsumer, !cached.canApproveAsConsumer { return false }
        if canApproveAsProvider, !cached.canApproveAsProvider { return false }
        if let text = query?.lowercased(), !text.isEmpty {
            let haystack = [o.uuid.hex, o.projectName ?? "", o.resourceName ?? ""].map { $0.lowercased() }
            if !haystack.contains(where: { $0.contains(text) }) { return false }
        }
        return true
    }

    /// With `--field`: only those keys (and the uuid).
    func selectingFields(_ json: JSONValue) -> JSONValue {
        guard !field.isEmpty, case let .object(members) = json else { return json }
        let keep = Set(field + ["uuid"])
        return .object(members.filter { keep.contains($0.0) })
    }
}
