import Foundation
import Testing
import WaldurClient
@testable import WaldurSandbox

/// Runs a call that must fail and returns its status and server text.
func failure<T>(_ call: () async throws -> T) async -> (Int?, String?) {
    do {
        _ = try await call()
        return (nil, nil)
    } catch let error as WaldurError {
        if case let .http(status, message, _) = error { return (status, message) }
        return (-1, error.message)
    } catch {
        return (-2, String(describing: error))
    }
}

let forbiddenText = "You do not have permission to perform this action."
let notFoundText = "No Order matches the given query."

@Suite("Transitions per role")
struct TransitionTests {
    @Test("approve_by_consumer: member 403, provider 403, consumer 200 → pending-provider with review fields, again 409")
    func approveByConsumer() async throws {
        let h = try await Harness.start()
        defer { Task { await h.stop() } }
        let order = try #require(try await h.find(.states(.pendingConsumer)) {
            $0.offeringType == "Marketplace.Basic" && $0.customerName == "Consumer Org A"
        })
        let id = order.uuid
        #expect(await failure { try await h.client("member").approveByConsumer(id) } == (403, forbiddenText))
        #expect(await failure { try await h.client("provider").approveByConsumer(id) } == (403, forbiddenText))
        let result = try await h.client("consumer").approveByConsumer(id)
        #expect(result.status == 200)
        #expect(result.detail?.isEmpty == false)
        let after = try await h.client("staff").retrieve(id)
        #expect(after.state == .pendingProvider)
        #expect(after.consumerReviewedBy == "consumer")
        #expect(after.consumerReviewedByFullName == "Carol Consumer")
        #expect(after.consumerReviewedByUsername == "consumer")
        #expect(after.consumerReviewedAt != nil)
        #expect((after.modified ?? .distantPast) > (order.modified ?? .distantFuture))
        #expect(await failure { try await h.client("consumer").approveByConsumer(id) } == (409, "Valid states for operation: pending-consumer."))
    }

    @Test("approve_by_consumer skips provider review except for Basic and Slurm")
    func providerReviewSkipping() async throws {
        let h = try await Harness.start()
        defer { Task { await h.stop() } }
        let pending = try await h.all("consumer", .states(.pendingConsumer))
        var seen: Set<String> = []
        for o in pending {
            guard let type = o.offeringType, !seen.contains(type) else { continue }
            seen.insert(type)
            _ = try await h.client("consumer").approveByConsumer(o.uuid)
            let after = try await h.client("consumer").retrieve(o.uuid)
            let expected: OrderState = (type == "Marketplace.Basic" || type == "Marketplace.Slurm") ? .pendingProvider : .executing
            #expect(after.state == expected, "\(type)")
        }
        #expect(seen.contains("Marketplace.Basic") && seen.contains("Marketplace.Slurm"))
        #expect(seen.count >= 3)
    }

    @Test("approve_by_provider and reject_by_provider: provider only, pending-provider only")
    func providerSide() async throws {
        let h = try await Harness.start()
        defer { Task { await h.stop() } }
        let pending = try await h.all("provider", .states(.pendingProvider))
        #expect(pending.count >= 2)
        let a = pending[0].uuid, b = pending[1].uuid
        #expect(await failure { try await h.client("consumer").approveByProvider(a) }.0 == 403 || pending[0].customerName != "Consumer Org A")
        #expect(await failure { try await h.client("member").approveByProvider(a) }.0 != nil)
        let ok = try await h.client("provider").approveByProvider(a)
        #expect(ok.status == 200 && ok.detail != nil)
        let approved = try await h.client("staff").retrieve(a)
        #expect(approved.state == .executing || approved.state == .pendingStartDate)
        #expect(approved.providerReviewedBy == "provider" && approved.providerReviewedByFullName == "Peter Provider" && approved.providerReviewedAt != nil)
        #expect(await failure { try await h.client("provider").approveByProvider(a) } == (409, "Valid states for operation: pending-provider."))
        let rej = try await h.client("provider").rejectByProvider(b, comment: "Nope — ü")
        #expect(rej.status == 200)
        #expect(try await h.client("staff").retrieve(b).state == .rejected)
        #expect(await failure { try await h.client("provider").rejectByProvider(b) } == (409, "Valid states for operation: pending-provider."))
    }

    @Test("set_state_done, set_state_erred, set_state_executing: state before offering type")
    func providerStateActions() async throws {
        let h = try await Harness.start()
        defer { Task { await h.stop() } }
        let p = h.client("provider")
        let basicExecuting = try #require(try await h.find(.states(.executing)) { $0.offeringType == "Marketplace.Basic" })
        #expect(await failure { try await h.client("consumer").setStateDone(basicExecuting.uuid) }.0 == 403)
        #expect(await failure { try await p.setStateErred(basicExecuting.uuid, errorMessage: "x", errorTraceback: "y") }
            == (405, "Method \"The order's offering with Marketplace.Basic type does not support this action\" not allowed."))
        #expect(await failure { try await p.setStateExecuting(basicExecuting.uuid) }
            == (409, "Valid states for operation: pending-consumer, pending-provider, erred."))
        #expect(try await p.setStateDone(basicExecuting.uuid).status == 200)
        let done = try await h.client("staff").retrieve(basicExecuting.uuid)
        #expect(done.state == .done && done.completedAt != nil)
        #expect(await failure { try await p.setStateDone(basicExecuting.uuid) } == (409, "Valid states for operation: executing."))

        let basicPendingProvider = try #require(try await h.find(.states(.pendingProvider)) { $0.offeringType == "Marketplace.Basic" })
        #expect(await failure { try await p.setStateExecuting(basicPendingProvider.uuid) }
            == (405, "Method \"The order's offering with Marketplace.Basic type does not support this action\" not allowed."))

        let slurm = try #require(try await h.find(.states(.executing)) { $0.offeringType == "Marketplace.Slurm" })
        #expect(try await p.setStateErred(slurm.uuid, errorMessage: "Node failure", errorTraceback: "Traceback:\n  line 1\nBoom").status == 200)
        let erredStaff = try await h.client("staff").retrieve(slurm.uuid)
        #expect(erredStaff.state == .erred && erredStaff.errorMessage == "Node failure" && erredStaff.errorTraceback == "Traceback:\n  line 1\nBoom")
        #expect(try await p.setStateExecuting(slurm.uuid).status == 200)
        #expect(try await h.client("staff").retrieve(slurm.uuid).state == .executing)

        let remote = try #require(try await h.find(.states(.executing)) { $0.offeringType == "Marketplace.Remote" || $0.offeringType == "OpenStack.Tenant" })
        #expect(await failure { try await h.client("staff").setStateDone(remote.uuid) }.0 == 405)

        let (status, body) = try await h.json("POST", "marketplace-orders/\(slurm.uuid.hex)/set_state_erred/", role: "provider", body: "{}")
        #expect(status == 400)
        #expect(body.map(JSONWriter.string) == #"{"error_message":["This field is required."],"error_traceback":["This field is required."]}"#)
    }

    @Test("set_state_erred on an order that is not executing replaces the texts and keeps the state, as the real server")
    func setErredKeepsStateOffExecuting() async throws {
        let h = try await Harness.start()
        defer { Task { await h.stop() } }
        let staff = h.client("staff")
        let erred = try #require(try await h.find(.states(.erred), "staff") { $0.offeringType == "Marketplace.Slurm" || $0.offeringType == "Marketplace.Remote" })
        #expect(try await staff.setStateErred(erred.uuid, errorMessage: "Manual: slurmctld down", errorTraceback: "").status == 200)
        let after = try await staff.retrieve(erred.uuid)
        #expect(after.state == .erred && after.errorMessage == "Manual: slurmctld down" && after.errorTraceback == "")
        let pending = try #require(try await h.find(.states(.pendingProvider), "staff") { $0.offeringType == "Marketplace.Slurm" })
        #expect(try await staff.setStateErred(pending.uuid, errorMessage: "noted", errorTraceback: "tb").status == 200)
        let kept = try await staff.retrieve(pending.uuid)
        #expect(kept.state == .pendingProvider && kept.errorMessage == "noted" && kept.errorTraceback == "tb")
    }

    @Test("error_traceback is serialised for staff only")
    func tracebackStaffOnly() async throws {
        let h = try await Harness.start()
        defer { Task { await h.stop() } }
        let erred = try #require(try await h.find(.states(.erred), "consumer") { ($0.errorMessage ?? "").isEmpty == false })
        let staffBody = try await h.raw("GET", "marketplace-orders/\(erred.uuid.hex)/")
        let consumerBody = try await h.raw("GET", "marketplace-orders/\(erred.uuid.hex)/", role: "consumer")
        let staffJSON = try JSONParser.parse(staffBody.body)
        let consumerJSON = try JSONParser.parse(consumerBody.body)
        #expect(staffJSON["error_traceback"]?.stringValue?.contains("\n") == true)
        #expect(consumerJSON["error_traceback"] == nil)
        #expect(consumerJSON["error_message"] == staffJSON["error_message"])
        let list = try await h.raw("GET", "marketplace-orders/?state=erred&page_size=300", role: "consumer")
        #expect(!String(decoding: list.body, as: UTF8.self).contains("error_traceback"))
    }

    @Test("cancel: consumer side, 202, Basic/Support only; can_terminate agrees")
    func cancel() async throws {
        let h = try await Harness.start()
        defer { Task { await h.stop() } }
        let basic = try #require(try await h.find(.states(.pendingConsumer), "consumer") { $0.offeringType == "Marketplace.Basic" })
        #expect(basic.canTerminate == true)
        #expect(try await h.client("member").retrieve(basic.uuid).canTerminate == false)
        #expect(await failure { try await h.client("provider").cancel(basic.uuid) }.0 == 403)
        #expect(try await h.client("consumer").cancel(basic.uuid).status == 202)
        #expect(try await h.client("consumer").retrieve(basic.uuid).state == .canceled)
        #expect(await failure { try await h.client("consumer").cancel(basic.uuid) }
            == (409, "Valid states for operation: pending-consumer, pending-provider, executing."))
        let slurm = try #require(try await h.find(.states(.pendingProvider), "consumer") { $0.offeringType == "Marketplace.Slurm" })
        #expect(slurm.canTerminate == false)
        #expect(await failure { try await h.client("consumer").cancel(slurm.uuid) }
            == (405, "Method \"The order's offering with Marketplace.Slurm type does not support this action\" not allowed."))
    }

    @Test("reject_by_consumer: the creator may reject; others 403")
    func rejectByConsumer() async throws {
        let h = try await Harness.start()
        defer { Task { await h.stop() } }
        let mine = try #require(try await h.find(.states(.pendingConsumer), "member") { $0.createdByUsername == "member" })
        #expect(await failure { try await h.client("provider").rejectByConsumer(mine.uuid) }.0 != 200)
        #expect(try await h.client("member").rejectByConsumer(mine.uuid).status == 200)
        let after = try await h.client("member").retrieve(mine.uuid)
        #expect(after.state == .rejected && after.consumerReviewedBy == "member")
        #expect(await failure { try await h.client("member").rejectByConsumer(mine.uuid) } == (409, "Valid states for operation: pending-consumer."))
    }

    @Test("DELETE and unlink remove orders; invisible orders answer 404")
    func deleteUnlinkVisibility() async throws {
        let h = try await Harness.start()
        defer { Task { await h.stop() } }
        let pending = try #require(try await h.find(.states(.pendingProvider), "consumer") { $0.customerName == "Consumer Org A" })
        #expect(await failure { try await h.client("provider").delete(pending.uuid) }.0 == 403)
        #expect(try await h.client("consumer").delete(pending.uuid).status == 204)
        #expect(await failure { try await h.client("staff").retrieve(pending.uuid) } == (404, notFoundText))
        let done = try #require(try await h.find(.states(.done), "consumer") { $0.customerName == "Consumer Org A" })
        #expect(await failure { try await h.client("consumer").delete(done.uuid) } == (409, "Valid states for operation: pending-consumer, pending-provider."))
        #expect(await failure { try await h.client("consumer").unlink(done.uuid) } == (403, forbiddenText))
        #expect(try await h.client("staff").unlink(done.uuid).status == 204)
        #expect(await failure { try await h.client("consumer").retrieve(done.uuid) } == (404, notFoundText))

        // Orders of another organisation (not the provider's offerings either) are invisible.
        let consumerSees = Set(try await h.all("consumer").map(\.uuid))
        let hidden = try #require(try await h.all("staff").first { !consumerSees.contains($0.uuid) })
        #expect(await failure { try await h.client("consumer").retrieve(hidden.uuid) } == (404, notFoundText))
        #expect(await failure { try await h.client("consumer").approveByConsumer(hidden.uuid) } == (404, notFoundText))
        let bad = try await h.raw("GET", "marketplace-orders/not-a-uuid/")
        #expect(bad.status == 404 && String(decoding: bad.body, as: UTF8.self) == #"{"detail":"No Order matches the given query."}"#)
    }

    @Test("visibility per role: staff all, consumer own customers, provider own offerings, member own projects")
    func visibility() async throws {
        let h = try await Harness.start()
        defer { Task { await h.stop() } }
        let all = try await h.all("staff")
        let consumer = try await h.all("consumer")
        let provider = try await h.all("provider")
        let member = try await h.all("member")
        #expect(all.count == 300)
        #expect(consumer.allSatisfy { ["Consumer Org A", "🚀 Rocket Labs Ltd"].contains($0.customerName ?? "") })
        #expect(consumer.count == all.filter { ["Consumer Org A", "🚀 Rocket Labs Ltd"].contains($0.customerName ?? "") }.count)
        #expect(provider.count == all.count)
        let memberProjects: Set<String> = ["Project A1", "Project A2", "Genomics pipeline — Ångström / Åsa"]
        #expect(member.count == all.filter { memberProjects.contains($0.projectName ?? "") }.count)
        #expect(!member.isEmpty && member.count < all.count)
    }

    @Test("set_backend_id stores the id; 400 without it")
    func backendID() async throws {
        let h = try await Harness.start()
        defer { Task { await h.stop() } }
        let o = try #require(try await h.all("provider").first)
        #expect(try await h.client("provider").setBackendID(o.uuid, backendID: "ext-42").status == 200)
        #expect(try await h.client("staff").retrieve(o.uuid).backendID == "ext-42")
        let (status, body) = try await h.json("POST", "marketplace-orders/\(o.uuid.hex)/set_backend_id/", role: "provider", body: "{}")
        #expect(status == 400 && body.map(JSONWriter.string) == #"{"backend_id":["This field is required."]}"#)
        #expect(await failure { try await h.client("consumer").setBackendID(o.uuid, backendID: "x") }.0 != nil)
    }

    @Test("two simultaneous approvals of one order: exactly one success and one 409")
    func concurrentApprove() async throws {
        let h = try await Harness.start()
        defer { Task { await h.stop() } }
        let targets = try await h.all("provider", .states(.pendingProvider)).prefix(5)
        #expect(targets.count == 5)
        for o in targets {
            let c1 = h.client("provider"), c2 = h.client("staff")
            async let a = failure { try await c1.approveByProvider(o.uuid) }
            async let b = failure { try await c2.approveByProvider(o.uuid) }
            let results = await [a, b]
            #expect(results.filter { $0.0 == nil }.count == 1)
            #expect(results.filter { $0.0 == 409 }.count == 1)
        }
    }

    @Test("modified>= polling sees every change")
    func modifiedPolling() async throws {
        let h = try await Harness.start()
        defer { Task { await h.stop() } }
        let c = h.client("staff")
        let q = OrderListQuery.newestFirst(pageSize: 300)
        let before = try await c.listAll(q)
        let t = try #require(before.compactMap(\.modified).max())
        let pendings = try await h.all("staff", .states(.pendingProvider)).prefix(3)
        for o in pendings { _ = try await c.approveByProvider(o.uuid) }
        var since = OrderListQuery()
        since.modified = t
        let changed = try await c.listAll(since)
        #expect(Set(pendings.map(\.uuid)).isSubset(of: Set(changed.map(\.uuid))))
        #expect(changed.allSatisfy { ($0.modified ?? .distantPast) >= t })
    }

    @Test("pending-project: an order in a project that starts in the future waits for the project")
    func pendingProject() async throws {
        let h = try await Harness.start()
        defer { Task { await h.stop() } }
        let seeded = try await h.all("consumer", .states(.pendingProject))
        #expect(!seeded.isEmpty && seeded.allSatisfy { $0.projectName == "Project Future" })
        let sample = try #require(seeded.first)
        #expect(await failure { try await h.client("consumer").approveByConsumer(sample.uuid) } == (409, "Valid states for operation: pending-consumer."))
        #expect(await failure { try await h.client("consumer").cancel(sample.uuid) }.0 == 409)
    }
}
