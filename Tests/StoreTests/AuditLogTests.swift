import Foundation
import Testing
import WaldurClient
@testable import OrderStore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The audit log through the store: one durable JSON line per action call, written before the result is shown.
@MainActor
@Suite struct AuditLogTests {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("audit-tests-\(UUID().uuidString)")
    var stateDirectory: URL { root.appendingPathComponent("state/waldur-orders") }
    var logURL: URL { stateDirectory.appendingPathComponent("audit.log") }
    static let token = "w_1700000000_s3cr3tT0kenValue"

    func makeStore(_ service: FakeOrderService, audit: (any AuditRecorder)?, concurrency: Int = 4) -> Store {
        let config = StoreConfiguration(username: "alice", refreshInterval: 10, actionConcurrency: concurrency)
        return Store(service: service, configuration: config, sortFile: SortFile(directory: root.appendingPathComponent("sort")),
                     clock: { testNow }, audit: audit)
    }

    func fileLog() -> FileAuditLog {
        FileAuditLog(directory: stateDirectory, server: "waldur.example.org", user: "alice", redacting: [Self.token])
    }

    /// Loads the store, selects the "All" tab and runs `action` on the given orders (marked when more than one).
    func run(_ action: OrderAction, on numbers: [Int], text: String? = nil, store: Store) async {
        store.start(tickEvery: nil)
        await store.waitUntilIdle()
        store.send(.selectQueue(store.state.queueIndex("All")))
        if numbers.count == 1 {
            store.send(.selectOrder(uuid(numbers[0])))
        } else {
            for n in numbers {
                store.send(.selectOrder(uuid(n)))
                store.send(.toggleMark)
            }
        }
        // Let the detail fetches the selection started finish first: a late one would race the action's re-fetch.
        await store.waitUntilIdle()
        store.send(.requestAction(action))
        if let text { store.send(.setActionInput(text)) }
        store.send(.confirmAction)
        await store.waitUntilIdle()
    }

    func lines() throws -> [String] {
        let text = try String(contentsOf: logURL, encoding: .utf8)
        #expect(text.hasSuffix("\n"))
        return text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
    }

    func records() throws -> [JSONValue] {
        try lines().map { line in try JSONParser.parse(line) }
    }

    func fakeWithProviderOrders(_ numbers: ClosedRange<Int>) -> FakeOrderService {
        let orders = numbers.map { makeOrder($0, state: .pendingProvider) }
        let fake = FakeOrderService(orders)
        fake.providerApprovable = Set(orders.map(\.uuid.hex))
        return fake
    }

    @Test func successIsRecordedWithEveryField() async throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let fake = fakeWithProviderOrders(1...2)
        let store = makeStore(fake, audit: fileLog())
        await run(.reject, on: [2], text: "quota exhausted", store: store)
        #expect(fake.actionCalls == [ActionCall(.rejectByProvider, uuid(2), text: "quota exhausted")])
        let records = try records()
        #expect(records.count == 1)
        let r = try #require(records.first)
        #expect(r["time"]?.stringValue == "2026-11-26T12:00:00.000000Z")
        #expect(r["server"]?.stringValue == "waldur.example.org")
        #expect(r["user"]?.stringValue == "alice")
        #expect(r["order"]?.stringValue == hex(2))
        #expect(r["action"]?.stringValue == "reject")
        #expect(r["endpoint"]?.stringValue == "reject_by_provider")
        #expect(r["text"]?.stringValue == "quota exhausted")
        #expect(r["http_status"]?.intValue == 200)
        #expect(r["message"]?.isNull == true)
        #expect(r["outcome"]?.stringValue == "succeeded")
        // The record reads back as the same entry.
        let entry = try #require(AuditEntry(json: r))
        #expect(entry.outcome == .succeeded && entry.order == uuid(2) && entry.text == "quota exhausted")
        #expect(store.state.row(for: uuid(2))?.state == .rejected)
        #expect(!store.state.messages.contains { $0.text.contains("audit") })
    }

    @Test func fileAndDirectoryArePrivate() async throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let store = makeStore(fakeWithProviderOrders(1...1), audit: fileLog())
        await run(.approve, on: [1], store: store)
        let fileMode = try #require(try FileManager.default.attributesOfItem(atPath: logURL.path)[.posixPermissions] as? Int)
        let dirMode = try #require(try FileManager.default.attributesOfItem(atPath: stateDirectory.path)[.posixPermissions] as? Int)
        #expect(fileMode & 0o077 == 0)
        #expect(dirMode == 0o700)
    }

    @Test func refusalRecordsTheServersMessageAndNeverTheToken() async throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let fake = fakeWithProviderOrders(1...1)
        // A server that echoes the token in its error body.
        fake.actionFailures[hex(1)] = .http(status: 409, serverMessage: "Valid states for operation: pending-provider. (token \(Self.token))", retryAfter: nil)
        let store = makeStore(fake, audit: fileLog())
        await run(.approve, on: [1], store: store)
        let r = try #require(try records().first)
        #expect(r["http_status"]?.intValue == 409)
        #expect(r["outcome"]?.stringValue == "refused")
        #expect(r["endpoint"]?.stringValue == "approve_by_provider")
        #expect(r["message"]?.stringValue == "Valid states for operation: pending-provider. (token <redacted>)")
        let raw = try String(contentsOf: logURL, encoding: .utf8)
        #expect(!raw.contains(Self.token))
        #expect(!raw.contains("s3cr3t"))
        // The result is still shown as usual.
        #expect(store.state.lastResults.first?.text.contains("Valid states") == true)
    }

    @Test func networkLossIsRecordedAsUnknown() async throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let fake = fakeWithProviderOrders(1...1)
        fake.actionFailures[hex(1)] = .transport(.connectionLost, detail: "connection reset by peer")
        let store = makeStore(fake, audit: fileLog())
        await run(.approve, on: [1], store: store)
        let r = try #require(try records().first)
        #expect(r["outcome"]?.stringValue == "unknown")
        #expect(r["http_status"]?.isNull == true)
        #expect(r["message"]?.stringValue?.contains("connection was lost") == true)
    }

    @Test func outcomeClassification() {
        func outcome(_ e: WaldurError) -> AuditOutcome { AuditOutcome(.failure(e)) }
        #expect(AuditOutcome(.success(ActionResult(status: 202, detail: nil))) == .succeeded)
        #expect(outcome(.http(status: 403, serverMessage: nil, retryAfter: nil)) == .refused)
        #expect(outcome(.http(status: 500, serverMessage: nil, retryAfter: nil)) == .failed)
        #expect(outcome(.transport(.timeout, detail: "")) == .unknown)
        #expect(outcome(.transport(.connectionRefused, detail: "")) == .failed)
        #expect(outcome(.cancelled) == .unknown)
    }

    @Test func bulkActionWritesOneLinePerOrder() async throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let fake = fakeWithProviderOrders(1...5)
        fake.actionFailures[hex(3)] = .http(status: 409, serverMessage: "Valid states for operation: pending-provider.", retryAfter: nil)
        let store = makeStore(fake, audit: fileLog(), concurrency: 2)
        await run(.approve, on: [1, 2, 3, 4, 5], store: store)
        let records = try records()
        #expect(records.count == 5)
        let byOrder = Dictionary(uniqueKeysWithValues: records.compactMap { r in r["order"]?.stringValue.map { ($0, r) } })
        #expect(Set(byOrder.keys) == Set((1...5).map(hex)))
        #expect(byOrder[hex(3)]?["outcome"]?.stringValue == "refused")
        for n in [1, 2, 4, 5] { #expect(byOrder[hex(n)]?["outcome"]?.stringValue == "succeeded") }
        #expect(store.state.lastResults.count == 5)
    }

    @Test func eachRecordIsOnDiskBeforeItsResultIsShown() async throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let fake = fakeWithProviderOrders(1...4)
        let store = makeStore(fake, audit: fileLog(), concurrency: 2)
        var shownBeforeRecorded: [WaldurUUID] = []
        var checked = 0
        let url = logURL
        store.onChange = { state in
            for result in state.lastResults where result.outcome != nil {
                checked += 1
                let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
                if !text.contains("\"order\":\"\(result.uuid.hex)\"") { shownBeforeRecorded.append(result.uuid) }
            }
        }
        await run(.approve, on: [1, 2, 3, 4], store: store)
        #expect(checked > 0)
        #expect(shownBeforeRecorded.isEmpty)
        #expect(try records().count == 4)
    }

    @Test(.enabled(if: geteuid() != 0, "root writes into a 0500 directory; see unwritableLogPath"))
    func readOnlyDirectoryIsShownAndTheResultStillDelivered() async throws {
        defer {
            _ = chmod(stateDirectory.path, 0o700)
            try? FileManager.default.removeItem(at: root)
        }
        try FileManager.default.createDirectory(at: stateDirectory, withIntermediateDirectories: true)
        #expect(chmod(stateDirectory.path, 0o500) == 0)
        let fake = fakeWithProviderOrders(1...1)
        let store = makeStore(fake, audit: fileLog())
        await run(.approve, on: [1], store: store)
        #expect(store.state.row(for: uuid(1))?.state == .executing)
        #expect(store.state.lastResults.first?.outcome != nil)
        let last = try #require(store.state.messages.last)
        #expect(last.level == .error)
        #expect(last.text.hasPrefix("audit log not written: cannot open \(logURL.path)"))
        #expect(!FileManager.default.fileExists(atPath: logURL.path))
    }

    @Test func unwritableLogPathIsShownAndTheResultStillDelivered() async throws {
        defer { try? FileManager.default.removeItem(at: root) }
        // audit.log is a directory: opening it for writing fails for every user, root included.
        try FileManager.default.createDirectory(at: logURL, withIntermediateDirectories: true)
        let fake = fakeWithProviderOrders(1...3)
        let store = makeStore(fake, audit: fileLog(), concurrency: 1)
        await run(.approve, on: [1, 2, 3], store: store)
        #expect(fake.actionCalls.count == 3)
        for n in 1...3 { #expect(store.state.row(for: uuid(n))?.state == .executing) }
        #expect(store.state.lastResults.allSatisfy { $0.outcome != nil })
        let auditMessages = store.state.messages.filter { $0.text.hasPrefix("audit log not written") }
        // The first failure at once, then a count when the batch ends: not one message per order.
        #expect(auditMessages.count == 2)
        #expect(auditMessages.first?.text.contains("cannot open \(logURL.path)") == true)
        #expect(store.state.messages.last?.text.hasPrefix("audit log not written: 3 of 3 actions not recorded") == true)
        #expect(store.state.messages.last?.level == .error)
    }

    @Test func stateDirectoryThatIsAFileIsReported() async throws {
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: stateDirectory.deletingLastPathComponent(), withIntermediateDirectories: true)
        #expect(FileManager.default.createFile(atPath: stateDirectory.path, contents: Data("x".utf8)))
        let log = fileLog()
        let entry = AuditEntry(time: testNow, order: uuid(1), action: "approve", endpoint: "approve_by_provider", outcome: .succeeded)
        await #expect(throws: AuditLogError.self) { try await log.record(entry) }
    }

    @Test func withoutARecorderNothingIsWritten() async throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let fake = fakeWithProviderOrders(1...1)
        let store = makeStore(fake, audit: nil)
        await run(.approve, on: [1], store: store)
        #expect(store.state.row(for: uuid(1))?.state == .executing)
        #expect(!FileManager.default.fileExists(atPath: logURL.path))
    }

    @Test func hostileTextStaysOnOneLine() async throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let log = fileLog()
        let entry = AuditEntry(time: testNow, order: uuid(7), action: "reject", endpoint: "reject_by_provider",
                               text: "line1\nline2\u{1B}]52;c;AAAA\u{07}\u{2028}end", httpStatus: 400,
                               message: "bad\r\ninput\u{0}", outcome: .refused)
        try await log.record(entry)
        try await log.record(entry)
        let lines = try lines()
        #expect(lines.count == 2)
        let back = try #require(AuditEntry(json: try JSONParser.parse(lines[0])))
        #expect(back.text == entry.text)
        #expect(back.message == entry.message)
        #expect(back.server == "waldur.example.org")
    }
}
