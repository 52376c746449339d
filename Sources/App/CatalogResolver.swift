import Foundation
import WaldurClient

/// Resolves offering, project and plan names (or uuids) to the hyperlinks an order creation takes: through the
/// catalogue endpoints when the server has them (`marketplace-public-offerings/`, `projects/`), else through the
/// orders the user can see (their `*_name` / `*_uuid` fields) and an order's offering.
struct CatalogResolver {
    let client: WaldurClient

    struct Named: Equatable {
        var uuid: String
        var name: String
    }

    /// A 32-hex uuid (hyphens allowed) as written, else nil.
    static func uuid(_ text: String) -> String? {
        let bare = text.replacingOccurrences(of: "-", with: "").lowercased()
        return bare.count == 32 && bare.allSatisfy(\.isHexDigit) ? bare : nil
    }

    func url(_ path: String, _ uuid: String) -> String { client.configuration.apiRoot.absoluteString + path + "/" + uuid + "/" }

    func offering(_ text: String) async throws -> Named {
        if let u = Self.uuid(text) { return Named(uuid: u, name: text) }
        var found = (try? await named("marketplace-public-offerings/?name_exact=\(OrderListQuery.escape(text))&field=uuid&field=name")) ?? []
        if found.isEmpty { found = try await fromOrders(uuidField: "offering_uuid", nameField: "offering_name", text) }
        return try pick(text, "offering", found)
    }

    func project(_ text: String) async throws -> Named {
        if let u = Self.uuid(text) { return Named(uuid: u, name: text) }
        var found = (try? await named("projects/?name_exact=\(OrderListQuery.escape(text))&field=uuid&field=name")) ?? []
        if found.isEmpty { found = try await fromOrders(uuidField: "project_uuid", nameField: "project_name", text) }
        return try pick(text, "project", found)
    }

    /// A plan of the offering, by name or uuid.
    func plan(_ text: String, offering: Named) async throws -> Named {
        if let u = Self.uuid(text) { return Named(uuid: u, name: text) }
        var plans: [JSONValue] = []
        if let detail = try? await client.getJSON("marketplace-public-offerings/\(offering.uuid)/") {
            plans = detail["plans"]?.arrayValue ?? []
        } else {
            var q = OrderListQuery()
            q.offeringUUID = WaldurUUID(offering.uuid)
            q.fields = ["uuid"]
            q.pageSize = 1
            if let order = try await client.listPage(q).orders.first {
                plans = (try await client.offeringRaw(of: order.uuid))["plans"]?.arrayValue ?? []
            }
        }
        let matches = plans.compactMap { p -> Named? in
            guard let u = p["uuid"]?.stringValue, let n = p["name"]?.stringValue, n.lowercased() == text.lowercased() else { return nil }
            return Named(uuid: WaldurUUID(u).hex, name: n)
        }
        return try pick(text, "plan of \(offering.name)", matches)
    }

    func named(_ pathAndQuery: String) async throws -> [Named] {
        let json = try await client.getJSON(pathAndQuery)
        guard let items = json.arrayValue else { throw WaldurError.configuration("not a list") }
        return items.compactMap { i in
            guard let u = i["uuid"]?.stringValue, let n = i["name"]?.stringValue else { return nil }
            return Named(uuid: WaldurUUID(u).hex, name: n)
        }
    }

    func fromOrders(uuidField: String, nameField: String, _ name: String) async throws -> [Named] {
        var q = OrderListQuery()
        q.fields = ["uuid", uuidField, nameField]
        q.pageSize = 200
        var seen: [Named] = []
        for o in try await client.listAll(q) {
            let json = o.json
            guard let n = json[nameField]?.stringValue, n.lowercased() == name.lowercased(), let u = json[uuidField]?.stringValue else { continue }
            let item = Named(uuid: WaldurUUID(u).hex, name: n)
            if !seen.contains(item) { seen.append(item) }
        }
        return seen
    }

    func pick(_ text: String, _ what: String, _ matches: [Named]) throws -> Named {
        var unique: [Named] = []
        for m in matches where !unique.contains(where: { $0.uuid == m.uuid }) { unique.append(m) }
        guard let first = unique.first else { throw CommandFailure("no \(what) named '\(PrintableArgument.clean(text))' is visible to you") }
        guard unique.count == 1 else {
            throw CommandFailure("\(unique.count) \(what)s are named '\(PrintableArgument.clean(text))'; give the uuid: "
                + unique.map(\.uuid).joined(separator: ", "))
        }
        return first
    }
}
