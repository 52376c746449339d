import Foundation
import WaldurClient

/// Reads the recorded exchanges of a real Waldur in Tests/Fixtures/waldur-2024-10/ (a copy of the project's
/// ../shared/fixtures/waldur-2024-10/, kept in the repository so that a clone anywhere runs its tests; found relative
/// to this source file).
enum Fixtures {
    static var directory: URL {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }  // Fixtures.swift, Support, ClientTests
        return url.appendingPathComponent("Fixtures/waldur-2024-10")
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
