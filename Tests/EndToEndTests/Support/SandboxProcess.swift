import Foundation

/// `waldur-orders sandbox` running as a child process; its url and tokens read from its first lines.
final class SandboxProcess: @unchecked Sendable {
    let process = Process()
    private(set) var url = ""
    private(set) var tokens: [String: (username: String, token: String)] = [:]

    init(arguments: [String] = []) throws {
        process.executableURL = Binary.url
        process.arguments = ["sandbox", "--port", "0"] + arguments
        process.environment = Binary.cleanEnvironment()
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        var buffer = Data()
        let handle = out.fileHandleForReading
        let deadline = Date().addingTimeInterval(60)
        while tokens.count < 4 && Date() < deadline {
            let chunk = handle.availableData
            if chunk.isEmpty { break }
            buffer += chunk
            for line in String(decoding: buffer, as: UTF8.self).split(separator: "\n") {
                let parts = line.split(separator: " ").map(String.init)
                if parts.count == 2, parts[0] == "url" { url = parts[1] }
                if parts.count == 4, parts[0] == "token" { tokens[parts[1]] = (parts[2], parts[3]) }
            }
        }
        guard !url.isEmpty, tokens.count == 4 else {
            process.terminate()
            throw POSIXError(.EIO)
        }
    }

    func token(_ role: String) -> String { tokens[role]?.token ?? "" }

    /// Sends SIGTERM and answers the exit status.
    @discardableResult
    func stop() -> Int32 {
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        return process.terminationStatus
    }

    deinit { if process.isRunning { process.terminate() } }
}
