/// `application/x-www-form-urlencoded` text as ordered (key, value) pairs, and DRF's link rewriting.
struct QueryString: Sendable {
    var items: [(String, String)]

    init(items: [(String, String)]) { self.items = items }

    /// Parses `a=1&b=x+y&c=%C3%A5`; keys without `=` get an empty value.
    init(parsing text: Substring) {
        items = []
        for part in text.split(separator: "&", omittingEmptySubsequences: true) {
            if let eq = part.firstIndex(of: "=") {
                items.append((Self.decode(part[..<eq]), Self.decode(part[part.index(after: eq)...])))
            } else {
                items.append((Self.decode(part), ""))
            }
        }
    }

    func values(_ key: String) -> [String] { items.filter { $0.0 == key }.map(\.1) }
    /// The last value of `key`, as Django's QueryDict.get does.
    func last(_ key: String) -> String? { items.last { $0.0 == key }?.1 }

    /// Percent-decoding with `+` as space; invalid escapes are kept literally, invalid UTF-8 repaired.
    static func decode(_ s: Substring) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(s.utf8.count)
        var it = Array(s.utf8)[...]
        while let b = it.popFirst() {
            if b == UInt8(ascii: "+") {
                bytes.append(0x20)
            } else if b == UInt8(ascii: "%"), it.count >= 2, let h = hexValue(it[it.startIndex]), let l = hexValue(it[it.startIndex + 1]) {
                bytes.append(h << 4 | l)
                it = it.dropFirst(2)
            } else {
                bytes.append(b)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func hexValue(_ b: UInt8) -> UInt8? {
        switch b {
        case 48...57: return b - 48
        case 97...102: return b - 87
        case 65...70: return b - 55
        default: return nil
        }
    }

    /// Python's `quote_plus`: unreserved bytes kept, space as `+`, everything else `%XX`.
    static func encode(_ s: String) -> String {
        var out = ""
        for b in s.utf8 {
            switch b {
            case 48...57, 65...90, 97...122, UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(b))
            case 0x20: out += "+"
            default:
                let hex = String(b, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return out
    }

    /// DRF's `replace_query_param` / `remove_query_param`: keys grouped and sorted, values of a key kept in order.
    func replacing(_ key: String, with value: String?) -> String {
        var grouped: [String: [String]] = [:]
        for (k, v) in items { grouped[k, default: []].append(v) }
        if let value { grouped[key] = [value] } else { grouped[key] = nil }
        var parts: [String] = []
        for k in grouped.keys.sorted() {
            for v in grouped[k] ?? [] { parts.append(Self.encode(k) + "=" + Self.encode(v)) }
        }
        return parts.joined(separator: "&")
    }
}
