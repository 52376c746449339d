import Foundation
import Testing

/// The self-contained release binary README describes for jump hosts: no Swift runtime libraries, only the
/// system's own (ncursesw, libcurl, libc…). Builds it with `--static-swift-stdlib` into `.build-static`
/// (incremental after the first time) and reads its dynamic dependencies with ldd.
/// A release build of everything takes many minutes on two cores, so it runs when `WALDUR_ORDERS_STATIC_TEST=1`
/// (`.ci/run` runs it as its own step after the suite).
@Suite(.serialized, .enabled(if: ProcessInfo.processInfo.environment["WALDUR_ORDERS_STATIC_TEST"] == "1"))
struct StaticBinaryTests {
    static var repository: URL {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url
    }

    static func run(_ path: String, _ arguments: [String], in directory: URL? = nil) throws -> (Int32, String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: path)
        p.arguments = arguments
        if let directory { p.currentDirectoryURL = directory }
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("static-\(UUID().uuidString).log")
        FileManager.default.createFile(atPath: out.path, contents: nil)
        let handle = try FileHandle(forWritingTo: out)
        defer { try? FileManager.default.removeItem(at: out) }
        p.standardOutput = handle
        p.standardError = handle
        p.standardInput = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        try handle.close()
        return (p.terminationStatus, (try? String(contentsOf: out, encoding: .utf8)) ?? "")
    }

    @Test(.timeLimit(.minutes(40))) func releaseBinaryNeedsNoSwiftRuntime() throws {
        let swift = ProcessInfo.processInfo.environment["PATH"]?.split(separator: ":").map { "\($0)/swift" }
            .first { FileManager.default.isExecutableFile(atPath: $0) } ?? "/opt/swift/usr/bin/swift"
        let (status, log) = try Self.run(swift, ["build", "-c", "release", "--static-swift-stdlib", "--product", "waldur-orders",
                                                 "--scratch-path", ".build-static"], in: Self.repository)
        try #require(status == 0, "static build failed:\n\(log.suffix(3000))")
        let binary = Self.repository.appendingPathComponent(".build-static/release/waldur-orders").path
        let (lddStatus, libraries) = try Self.run("/usr/bin/ldd", [binary])
        #expect(lddStatus == 0)
        let swiftLibraries = libraries.split(separator: "\n").filter { $0.contains("libswift") || $0.contains("libFoundation") || $0.contains("libdispatch") }
        #expect(swiftLibraries.isEmpty, "Swift runtime libraries linked dynamically:\n\(swiftLibraries.joined(separator: "\n"))")
        #expect(libraries.contains("libncursesw"))
        #expect(!libraries.contains("not found"), "\(libraries)")
        // It runs: the help names the commands.
        let (helpStatus, help) = try Self.run(binary, ["--help"])
        #expect(helpStatus == 0)
        #expect(help.contains("list") && help.contains("sandbox"))
    }
}
