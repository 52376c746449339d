import Foundation
import TOMLKit
import WaldurClient

/// A parsed TOML file with its text kept, so errors can name the file and line.
struct TOMLDocument {
    let root: TOMLTable
    let lines: [Substring]
    /// The file's path, for messages.
    let path: String

    /// Parses `text`; a syntax error names the file, line, column and reason. With `redactValues`, every value
    /// written in the file is cut out of the parser's reason, so a broken credentials file cannot leak a token.
    init(text: String, path: String, redactValues: Bool) throws(WaldurError) {
        self.path = path
        lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        do {
            root = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            var reason = error.description.trimmingCharacters(in: .whitespacesAndNewlines)
            if redactValues { reason = TOMLDocument.redact(reason, valuesIn: lines) }
            reason = String(reason.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }.map(Character.init))
            throw WaldurError.configuration(
                "\(path) is not valid TOML: line \(error.source.begin.line), column \(error.source.begin.column): \(reason)")
        } catch {
            throw WaldurError.configuration("\(path) is not valid TOML")
        }
    }

    /// A message about one key, located at its line when it can be found.
    func problem(_ text: String, key: String, section: String = "") -> WaldurError {
        if let line = line(of: key, section: section) {
            return .configuration("\(path) line \(line): \(text)")
        }
        return .configuration("\(path): \(text)")
    }

    /// The 1-based line defining `key` inside `section` (`""` for the root, `"keys"` for `[keys]`, `"queues#1"` for the
    /// second `[[queues]]`), or a dotted `section.key` at the root. Best effort: nil when not found.
    func line(of key: String, section: String) -> Int? {
        var current = ""
        var arrayCounts: [String: Int] = [:]
        var dottedAtRoot: Int?
        for (index, raw) in lines.enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("[[") {
                let name = TOMLDocument.headerName(line, brackets: 2)
                let n = arrayCounts[name, default: 0]
                arrayCounts[name] = n + 1
                current = "\(name)#\(n)"
                continue
            }
            if line.hasPrefix("[") {
                current = TOMLDocument.headerName(line, brackets: 1)
                continue
            }
            guard let eq = line.firstIndex(of: "=") else { continue }
            let name = line[..<eq].trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "\"", with: "")
                .replacingOccurrences(of: " ", with: "")
            if current == section && name == key { return index + 1 }
            if current.isEmpty && !section.isEmpty && name == "\(section).\(key)" && dottedAtRoot == nil { dottedAtRoot = index + 1 }
        }
        return dottedAtRoot
    }

    static func headerName(_ line: String, brackets: Int) -> String {
        var s = Substring(line).dropFirst(brackets)
        if let end = s.firstIndex(of: "]") { s = s[..<end] }
        return s.replacingOccurrences(of: "\"", with: "").replacingOccurrences(of: " ", with: "")
    }

    /// `reason` with every value written in the file (the text right of each `=`) replaced.
    static func redact(_ reason: String, valuesIn lines: [Substring]) -> String {
        var out = reason
        var values: [String] = []
        for line in lines {
            guard let eq = line.firstIndex(of: "=") else { continue }
            var value = line[line.index(after: eq)...].trimmingCharacters(in: .whitespaces)
            values.append(value)
            value = value.trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
            values.append(value)
        }
        for value in values.sorted(by: { $0.count > $1.count }) where value.count >= 4 {
            out = out.replacingOccurrences(of: value, with: "<redacted>")
        }
        return out
    }

    /// A human name for a TOML value's type.
    static func kind(_ value: TOMLValueConvertible) -> String {
        switch value.type {
        case .table: return "a table"
        case .array: return "an array"
        case .string: return "a string"
        case .int: return "an integer"
        case .double: return "a number"
        case .bool: return "a boolean"
        case .date, .time, .dateTime: return "a date"
        }
    }
}
