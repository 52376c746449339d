import Foundation

/// One page of a list answer.
public struct OrderPage: Sendable {
    public var orders: [Order]
    /// The total the server announced in `X-Result-Count`.
    public var totalCount: Int?
    /// The 1-based page number.
    public var page: Int
    /// The `rel="next"` link, when there is another page.
    public var next: URL?
    /// Each order exactly as the server sent it (every key, null values, number text), parallel to `orders`.
    public var raw: [JSONValue]

    public init(orders: [Order], totalCount: Int?, page: Int, next: URL?, raw: [JSONValue] = []) {
        self.orders = orders
        self.raw = raw
        self.totalCount = totalCount
        self.page = page
        self.next = next
    }

    /// Parses an RFC 8288 `Link` header into relation → URL.
    public static func links(_ header: String?) -> [String: URL] {
        guard let header else { return [:] }
        var out: [String: URL] = [:]
        for part in header.split(separator: ",") {
            let pieces = part.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let first = pieces.first, first.hasPrefix("<"), first.hasSuffix(">"),
                  let url = URL(string: String(first.dropFirst().dropLast())) else { continue }
            for p in pieces.dropFirst() {
                let kv = p.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                if kv.count == 2, kv[0].lowercased() == "rel" {
                    for rel in kv[1].trimmingCharacters(in: CharacterSet(charactersIn: "\"")).split(separator: " ") {
                        out[String(rel)] = url
                    }
                }
            }
        }
        return out
    }
}
