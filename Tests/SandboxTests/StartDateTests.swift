import Foundation
import Testing
import WaldurClient
@testable import WaldurSandbox

@Suite("Start dates, provider attributes and retry")
struct StartDateTests {
    @Test("an order with a future start_date waits in pending-start-date after approval; provider attributes are merged")
    func pendingStartDate() async throws {
        let h = try await Harness.start()
        defer { Task { await h.stop() } }
        let sample = try #require(try await h.find { $0.offeringType == "Marketplace.Basic" && $0.planName == "Small" && $0.projectName == "Project A1" })
        let projectURL = h.sandbox.url.absoluteString + "projects/\(try #require(sample.projectUUID).hex)/"
        let created = try await h.client("consumer").create(OrderCreateRequest(
            offering: try #require(sample.offering), project: projectURL, plan: sample.plan,
            attributes: .object([("name", "later"), ("flavor", "m1")]), limits: .object([("cpu", 2), ("ram", 4)]), startDate: "2030-01-01"))
        #expect(created.state == .pendingProvider && created.startDate == "2030-01-01")
        let ok = try await h.client("provider").approveByProvider(created.uuid, attributes: .object([("flavor", "m2"), ("zone", "ö-1")]))
        #expect(ok.status == 200)
        let after = try await h.client("consumer").retrieve(created.uuid)
        #expect(after.state == .pendingStartDate)
        #expect(after.attributes == .object([("name", "later"), ("flavor", "m2"), ("zone", "ö-1")]))
        let (status, body) = try await h.json("POST", "marketplace-orders/\(created.uuid.hex)/approve_by_provider/", role: "provider", body: #"{"attributes": "x"}"#)
        #expect(status == 409 && detail(body) == "Valid states for operation: pending-provider.")
    }

    @Test("retry moves an erred order back to executing; other states 409")
    func retry() async throws {
        let h = try await Harness.start()
        defer { Task { await h.stop() } }
        let erred = try #require(try await h.find(.states(.erred), "consumer") { _ in true })
        let (status, _) = try await h.json("POST", "marketplace-orders/\(erred.uuid.hex)/retry/", role: "consumer")
        #expect(status == 200)
        #expect(try await h.client("consumer").retrieve(erred.uuid).state == .executing)
        let (again, body) = try await h.json("POST", "marketplace-orders/\(erred.uuid.hex)/retry/", role: "consumer")
        #expect(again == 409 && detail(body) == "Valid states for operation: erred.")
        let (memberStatus, _) = try await h.json("POST", "marketplace-orders/\(erred.uuid.hex)/retry/", role: "member")
        #expect(memberStatus == 403 || memberStatus == 404)
    }

    @Test("set_state_executing takes a Slurm order straight from pending-consumer")
    func slurmFromPendingConsumer() async throws {
        let h = try await Harness.start()
        defer { Task { await h.stop() } }
        let o = try #require(try await h.find(.states(.pendingConsumer)) { $0.offeringType == "Marketplace.Slurm" })
        #expect(await failure { try await h.client("consumer").setStateExecuting(o.uuid) }.0 != nil)
        #expect(try await h.client("provider").setStateExecuting(o.uuid).status == 200)
        #expect(try await h.client("staff").retrieve(o.uuid).state == .executing)
    }
}
