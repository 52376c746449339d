import Foundation
import Testing

/// Wire conformance with the official Python client (`waldur-api-client` from PyPI): Tests/Conformance/python-client.sh
/// lists, retrieves, approves and rejects against the real `waldur-orders sandbox` binary and parses every order it
/// gets with the client's own models.
@Suite(.serialized) struct PythonClientConformanceTests {
    @Test func officialPythonClientListsRetrievesApprovesAndRejects() throws {
        let sandbox = try SandboxProcess(arguments: ["--seed", "11"])
        defer { sandbox.stop() }
        // The caller's environment (PATH, pyenv, pip's index and proxy settings) plus the sandbox; tokens travel in
        // the environment, not on a command line other processes can read.
        var environment = ProcessInfo.processInfo.environment
        environment["SANDBOX_URL"] = sandbox.url
        for (role, user) in sandbox.tokens {
            environment["SANDBOX_\(role.uppercased())_USERNAME"] = user.username
            environment["SANDBOX_\(role.uppercased())_TOKEN"] = user.token
        }
        let script = ScriptProcess.repository.appendingPathComponent("Tests/Conformance/python-client.sh").path
        // The first run creates the virtual environment and installs the client; later runs reuse it.
        let result = try ScriptProcess.run("/bin/bash", [script], environment: environment, timeout: 900)
        #expect(!result.timedOut, "timed out:\n\(result.output)")
        #expect(result.status == 0, "python-client.sh exited \(result.status):\n\(result.output)")
        let summary = result.output.split(separator: "\n").last { $0.hasPrefix("conformance: ") }
        #expect(summary?.hasSuffix(" passed, 0 failed") == true, "\(result.output)")
        // Hundreds of checks ran (one per order parsed, and the list, filter and action checks).
        let passed = summary.flatMap { $0.split(separator: " ").dropFirst().first }.flatMap { Int($0) } ?? 0
        #expect(passed > 500, "\(result.output)")
        // The tokens never appear in the script's output.
        for (_, user) in sandbox.tokens { #expect(!result.output.contains(user.token)) }
    }
}
