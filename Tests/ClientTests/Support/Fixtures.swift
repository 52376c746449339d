import Foundation
import WaldurClient

/// Reads the recorded exchanges in ../shared/fixtures/waldur-2024-10/ (found relative to this source file).
enum Fixtures {
    static var directory: URL {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }  // Support, ClientTests, Tests, repo
        let beside = url.deletingLastPathComponent().appendingPathComponent("shared/fixtures/waldur-2024-10")
        return beside
    }

    static func exchange(_ name: String) throws -> JSONValue {
        let data = try Data(contentsOf: directory.appendingPathComponent(name))
        return try JSONParser.parse([UInt8](data))
    }

    static func exchanges(_ name: String) throws -> [JSONValue] {
        try exchange(name).arrayValue ?? []
    }

    static var allFiles: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).filter { $0.hasSuffix(".json") }.sorted()
    }
}
