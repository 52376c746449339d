import ArgumentParser
import Foundation
import WaldurClient

/// A JSON object given on the command line, inline or as `@FILE`.
enum JSONArgument {
    /// Parses `text` (or the file named after `@`) as a JSON object; a usage error otherwise.
    static func object(_ text: String, option: String) throws -> JSONValue {
        var source = text
        if text.hasPrefix("@") {
            let path = String(text.dropFirst())
            guard let data = FileManager.default.contents(atPath: path) else { throw ValidationError("\(option): cannot read the file \(path)") }
            source = String(decoding: data, as: UTF8.self)
        }
        let value: JSONValue
        do { value = try JSONParser.parse(Array(source.utf8)) } catch {
            throw ValidationError("\(option) is not valid JSON: \(error)")
        }
        guard case .object = value else { throw ValidationError("\(option) must be a JSON object ({…})") }
        return value
    }
}
