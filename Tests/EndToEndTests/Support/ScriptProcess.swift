import Foundation

/// Runs a script to completion with its output (stdout and stderr together) in a temporary file, not a pipe:
/// grandchildren (pip, venv) that inherit a pipe could keep it open and hang the reader.
enum ScriptProcess {
    struct Result {
        var status: Int32
        var output: String
        var timedOut: Bool
    }

    /// The repository root (this file is Tests/EndToEndTests/Support/ScriptProcess.swift).
    static var repository: URL {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url
    }

    static func run(_ executable: String, _ arguments: [String], environment: [String: String], timeout: TimeInterval) throws -> Result {
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("waldur-orders-script-\(UUID().uuidString).log")
        guard FileManager.default.createFile(atPath: log.path, contents: nil) else { throw POSIXError(.EIO) }
        defer { try? FileManager.default.removeItem(at: log) }
        let handle = try FileHandle(forWritingTo: log)
        defer { try? handle.close() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = environment
        process.currentDirectoryURL = repository
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        let timedOut = process.isRunning
        if timedOut { process.terminate() }
        process.waitUntilExit()
        let output = (try? Data(contentsOf: log)).map { String(decoding: $0, as: UTF8.self) } ?? ""
        return Result(status: process.terminationStatus, output: output, timedOut: timedOut)
    }
}
