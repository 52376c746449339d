/// Finds the line of a key in theme text, so errors TOML itself does not see can still name a line.
struct ThemeLineLocator {
    private let lines: [Substring]

    init(text: String) {
        lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    }

    /// The line of a top-level key (`table` nil) or a key inside `[table]`.
    func line(ofKey key: String, in table: String?) -> Int? {
        var current: String? = nil
        for (i, raw) in lines.enumerated() {
            let line = raw.trimmingPrefixWhitespace()
            if line.hasPrefix("[") {
                current = header(line)
                if current == key && table == nil { return i + 1 }
                continue
            }
            if current == table, keyName(line) == key { return i + 1 }
        }
        return nil
    }

    /// The line where role `role` (or its `key`) is written, inline or as `[roles.ROLE]`.
    func line(ofRole role: String, key: String? = nil) -> Int? {
        var current: String? = nil
        var roleLine: Int? = nil
        for (i, raw) in lines.enumerated() {
            let line = raw.trimmingPrefixWhitespace()
            if line.hasPrefix("[") {
                current = header(line)
                if current == "roles.\(role)" || current == "roles.\"\(role)\"" { roleLine = i + 1; if key == nil { return i + 1 } }
                continue
            }
            if current == "roles", keyName(line) == role { return i + 1 }
            if let key, current == "roles.\(role)" || current == "roles.\"\(role)\"", keyName(line) == key { return i + 1 }
        }
        return roleLine
    }

    private func header(_ line: Substring) -> String {
        var s = line.drop { $0 == "[" }
        if let end = s.firstIndex(of: "]") { s = s[s.startIndex..<end] }
        return s.filter { $0 != " " && $0 != "\t" }
    }

    private func keyName(_ line: Substring) -> String? {
        guard let eq = line.firstIndex(of: "="), !line.hasPrefix("#") else { return nil }
        var k = line[line.startIndex..<eq].trimmingSuffixWhitespace()
        if k.hasPrefix("\""), k.hasSuffix("\""), k.count >= 2 { k = k.dropFirst().dropLast() }
        return String(k)
    }
}

extension Substring {
    func trimmingPrefixWhitespace() -> Substring { drop { $0 == " " || $0 == "\t" } }
    func trimmingSuffixWhitespace() -> Substring {
        var s = self
        while let last = s.last, last == " " || last == "\t" { s = s.dropLast() }
        return s
    }
}
