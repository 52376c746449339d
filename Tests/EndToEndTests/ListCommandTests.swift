import Foundation
import Testing
import WaldurClient

/// `waldur-orders list` and `waldur-orders sandbox` as scripts use them: the real binary, over real HTTP.
@Suite(.serialized) struct ListCommandTests {
    @Test func ndjsonStreamsEveryMatchingOrder() async throws {
        let sandbox = try SandboxProcess()
        defer { sandbox.stop() }
        let env = ["WALDUR_API_URL": sandbox.url, "WALDUR_ACCESS_TOKEN": sandbox.token("staff")]
        let result = try Binary.run(["list", "--state", "erred", "--state", "executing", "--format", "ndjson", "--page-size", "7", "--fields", "all"],
                                    environment: env)
        #expect(result.status == 0, "\(result.stderr)")
        let orders = try result.stdout.split(separator: "\n").map { try Order(json: try JSONParser.parse(String($0))) }
        #expect(orders.count > 7, "needs several pages")
        #expect(orders.allSatisfy { $0.state == .erred || $0.state == .executing })
        #expect(Set(orders.map(\.uuid)).count == orders.count)
        // The same set through the client directly.
        let client = WaldurClient(configuration: ClientConfiguration(apiRoot: try #require(URL(string: sandbox.url)), token: APIToken(sandbox.token("staff"))))
        let q = { () -> OrderListQuery in
            var q = OrderListQuery()
            q.state = [.erred, .executing]
            return q
        }()
        let direct = try await client.listAll(q)
        #expect(Set(direct.map(\.uuid)) == Set(orders.map(\.uuid)))
        // The staff user sees tracebacks of erred orders.
        #expect(orders.contains { $0.errorTraceback?.isEmpty == false })
    }

    @Test func ndjsonAsksForTheScriptFieldsUnlessToldAll() throws {
        let sandbox = try SandboxProcess()
        defer { sandbox.stop() }
        let env = ["WALDUR_API_URL": sandbox.url, "WALDUR_ACCESS_TOKEN": sandbox.token("staff")]
        let expected: Set<String> = [
            "uuid", "state", "type", "cost", "created", "modified", "consumer_reviewed_at", "provider_reviewed_at", "error_message",
            "backend_id", "offering_name", "offering_uuid", "offering_type", "project_name", "project_uuid", "customer_name", "customer_uuid",
        ]
        func keys(_ args: [String]) throws -> [Set<String>] {
            let result = try Binary.run(["list", "--format", "ndjson", "--limit", "30"] + args, environment: env)
            #expect(result.status == 0, "\(result.stderr)")
            return try result.stdout.split(separator: "\n").map { Set(try JSONParser.parse(String($0)).objectValue?.map(\.0) ?? []) }
        }
        let trimmed = try keys([])
        #expect(trimmed.count == 30)
        #expect(trimmed.allSatisfy { $0.isSubset(of: expected) && $0.contains("uuid") && $0.contains("offering_name") }, "\(trimmed.first ?? [])")
        let all = try keys(["--fields", "all"])
        #expect(all.count == 30)
        #expect(all.allSatisfy { !$0.isSubset(of: expected) && $0.contains("created_by_full_name") }, "the whole order: \(all.first ?? [])")
        #expect(all.contains { $0.contains("plan_name") })
        let named = try keys(["--field", "state"])
        #expect(named.allSatisfy { $0 == ["uuid", "state"] })
    }

    @Test func tsvHasStableColumnsAndLimit() throws {
        let sandbox = try SandboxProcess()
        defer { sandbox.stop() }
        let env = ["WALDUR_API_URL": sandbox.url, "WALDUR_ACCESS_TOKEN": sandbox.token("consumer")]
        let result = try Binary.run(["list", "--format", "tsv", "--limit", "12", "--type", "Update"], environment: env)
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.first == "uuid\tstate\ttype\toffering\tproject\tcustomer\tcost\tcreated")
        #expect(lines.count == 13)
        for line in lines.dropFirst() {
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false)
            #expect(cells.count == 8)
            #expect(cells[0].count == 32)
            #expect(cells[2] == "Update")
        }
    }

    @Test func tableFitsTheTerminalWidth() throws {
        let sandbox = try SandboxProcess()
        defer { sandbox.stop() }
        let env = ["WALDUR_API_URL": sandbox.url, "WALDUR_ACCESS_TOKEN": sandbox.token("staff"), "COLUMNS": "80"]
        let result = try Binary.run(["list", "--limit", "60"], environment: env)
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 61)
        #expect(lines.first?.hasPrefix("UUID      STATE") == true)
        // Wide (CJK, emoji) characters take two cells: count cells, not characters.
        func cells(_ s: Substring) -> Int {
            s.unicodeScalars.reduce(0) { n, u in
                let v = u.value
                let wide = (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
                    || (0xF900...0xFAFF).contains(v) || (0xFF00...0xFF60).contains(v) || (0x1F300...0x1FAFF).contains(v)
                return n + (wide ? 2 : (u.properties.generalCategory == .nonspacingMark ? 0 : 1))
            }
        }
        for line in lines { #expect(cells(line) <= 80, "too wide: \(line)") }
        #expect(!result.stdout.contains("\u{1B}"))
    }

    @Test func versionAndHelpNeedNoServer() throws {
        let version = try Binary.run(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ".").count == 3, "\(version.stdout)")
        let help = try Binary.run(["list", "--help"])
        #expect(help.status == 0 && help.stdout.contains("--can-approve-as-provider"))
    }

    @Test func errorsExitNonZeroWithTheSentence() throws {
        let sandbox = try SandboxProcess()
        defer { sandbox.stop() }
        let bad = try Binary.run(["list"], environment: ["WALDUR_API_URL": sandbox.url, "WALDUR_ACCESS_TOKEN": "wrong-token-value"])
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("HTTP 401 Unauthorized: Invalid token."))
        #expect(!bad.stderr.contains("wrong-token-value"))
        #expect(bad.stdout.isEmpty)
        let unknown = try Binary.run(["list", "--state", "bogus"], environment: ["WALDUR_API_URL": sandbox.url])
        #expect(unknown.status != 0)
        #expect(unknown.stderr.contains("unknown state 'bogus'"))
        let refused = try Binary.run(["list", "--api-url", "http://127.0.0.1:1/"], environment: ["WALDUR_ACCESS_TOKEN": "x"])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("Network error: the connection was refused"))
        let insecure = try Binary.run(["list", "--api-url", "http://waldur.example/"], environment: ["WALDUR_ACCESS_TOKEN": "x"])
        #expect(insecure.status != 0)
        #expect(insecure.stderr.contains("refusing plain http://"))
    }

    @Test func tokenFileMustBePrivate() throws {
        let sandbox = try SandboxProcess()
        defer { sandbox.stop() }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("waldur-token-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data((sandbox.token("provider") + "\n").utf8).write(to: file)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: file.path)
        let open = try Binary.run(["list", "--api-url", sandbox.url, "--token-file", file.path, "--limit", "1"])
        #expect(open.status != 0)
        #expect(open.stderr.contains("chmod 600"))
        #expect(!open.stderr.contains(sandbox.token("provider")))
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file.path)
        let ok = try Binary.run(["list", "--api-url", sandbox.url, "--token-file", file.path, "--can-approve-as-provider", "--format", "ndjson"])
        #expect(ok.status == 0, "\(ok.stderr)")
        let orders = try ok.stdout.split(separator: "\n").map { try Order(json: try JSONParser.parse(String($0))) }
        #expect(!orders.isEmpty)
        #expect(orders.allSatisfy { $0.state == .pendingProvider })
    }

    @Test func sandboxPrintsUsersAndStopsOnSIGTERM() throws {
        let a = try SandboxProcess(arguments: ["--seed", "7"])
        let b = try SandboxProcess(arguments: ["--seed", "7"])
        #expect(a.tokens.keys.sorted() == ["consumer", "member", "provider", "staff"])
        #expect(a.token("staff") == b.token("staff"), "tokens are stable for a seed")
        #expect(a.url.hasPrefix("http://127.0.0.1:"))
        #expect(a.stop() == 0)
        #expect(b.stop() == 0)
    }
}

