import Foundation
import WaldurClient

/// Turns order references into uuids: full uuids as given, prefixes through the API (the list of uuids the user
/// can see, `field=uuid`, matched client side); an unknown or ambiguous prefix is an error naming the candidates.
struct OrderResolver {
    let client: WaldurClient

    /// The uuids, in the order given; fails on the first prefix that matches no order or several.
    func resolve(_ references: [OrderReference]) async throws(OrderReferenceError) -> [WaldurUUID] {
        let prefixes = references.compactMap { r -> String? in if case let .prefix(p) = r { return p } else { return nil } }
        var known: [String] = []
        if !prefixes.isEmpty {
            var query = OrderListQuery()
            query.fields = ["uuid"]
            query.pageSize = 200
            do {
                known = try await client.listAll(query).map(\.uuid.hex)
            } catch {
                throw OrderReferenceError("could not look up order prefixes: \(error.message)")
            }
        }
        var out: [WaldurUUID] = []
        for r in references {
            switch r {
            case let .uuid(u):
                if !out.contains(u) { out.append(u) }
            case let .prefix(p):
                let matches = known.filter { $0.hasPrefix(p) }
                if matches.isEmpty { throw OrderReferenceError("no order you can see has a uuid starting with \(p)") }
                if matches.count > 1 {
                    let shown = matches.prefix(10).joined(separator: "\n  ")
                    throw OrderReferenceError("the prefix \(p) matches \(matches.count) orders; give more digits:\n  \(shown)"
                        + (matches.count > 10 ? "\n  …" : ""))
                }
                let u = WaldurUUID(matches[0])
                if !out.contains(u) { out.append(u) }
            }
        }
        return out
    }
}
