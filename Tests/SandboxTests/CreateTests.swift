import Foundation
import Testing
import WaldurClient
@testable import WaldurSandbox

@Suite("Create and attachments")
struct CreateTests {
    /// Hyperlinks for an offering of a type, its first plan and a project by name, from a served order.
    func links(_ h: Harness, type: String, project: String, plan: String? = nil) async throws -> (offering: String, plan: String, project: String, projectUUID: WaldurUUID) {
        let o = try #require(try await h.find { $0.offeringType == type && $0.plan != nil && (plan == nil || $0.planName == plan) })
        let p = try #require(try await h.find { $0.projectName == project })
        let projectUUID = try #require(p.projectUUID)
        let projectURL = h.sandbox.url.absoluteString + "projects/\(projectUUID.hex)/"
        return (try #require(o.offering), try #require(o.plan), projectURL, projectUUID)
    }

    @Test("201 in the create shape; an owner's order skips consumer review")
    func createByOwner() async throws {
        let h = try await Harness.start()
        defer { Task { await h.stop() } }
        let l = try await links(h, type: "Marketplace.Basic", project: "Project A1", plan: "Small")
        let request = OrderCreateRequest(offering: l.offering, project: l.project, plan: l.plan,
                                         attributes: .object([("name", "créé-🚀"), ("description", "sample")]),
                                         limits: .object([("cpu", 1), ("ram", 2)]), requestComment: "bitte")
        let raw = try await h.raw("POST", "marketplace-orders/", role: "consumer", body: JSONWriter.bytes(request.json), contentType: "application/json")
        #expect(raw.status == 201)
        let body = try JSONParser.parse(raw.body)
        let keys = try #require(body.objectValue?.map(\.0))
        for k in ["url", "created_by", "created_by_username", "created_by_full_name", "consumer_reviewed_by", "project", "project_uuid", "customer_uuid"] {
            #expect(keys.contains(k), "\(k)")
        }
        #expect(!keys.contains("can_terminate") && !keys.contains("customer_slug"))
        let created = try Order(json: body)
        #expect(raw.header("Location") == created.url)
        #expect(created.state == .pendingProvider)
        #expect(created.createdByUsername == "consumer" && created.consumerReviewedByUsername == "consumer")
        #expect(created.consumerReviewedBy?.hasPrefix(h.sandbox.url.absoluteString + "users/") == true)
        #expect(created.cost?.text == "4.5000000000")
        #expect(created.resourceName == "créé-🚀")
        #expect(created.uuid.raw.count == 32)
        let fetched = try await h.client("consumer").retrieve(created.uuid)
        #expect(fetched.state == .pendingProvider && fetched.limits == .object([("cpu", 1), ("ram", 2)]))
        #expect(fetched.requestComment == "bitte")
    }

    @Test("a member's order waits for the consumer; future projects give pending-project; non-Basic goes to executing")
    func createStates() async throws {
        let h = try await Harness.start()
        defer { Task { await h.stop() } }
        let a1 = try await links(h, type: "Marketplace.Basic", project: "Project A1")
        let byMember = try await h.client("member").create(OrderCreateRequest(offering: a1.offering, project: a1.project, plan: a1.plan,
                                                                               attributes: .object([("name", "m")])))
        #expect(byMember.state == .pendingConsumer && byMember.consumerReviewedBy == nil)
        let future = try await links(h, type: "Marketplace.Basic", project: "Project Future")
        let pendingProject = try await h.client("consumer").create(OrderCreateRequest(offering: future.offering, project: future.project, plan: future.plan))
        #expect(pendingProject.state == .pendingProject)
        let tenant = try await links(h, type: "OpenStack.Tenant", project: "Project A2")
        let executing = try await h.client("consumer").create(OrderCreateRequest(offering: tenant.offering, project: tenant.project, plan: tenant.plan,
                                                                                 limits: .object([("cores", 2)])))
        #expect(executing.state == .executing)
    }

    @Test("create validation answers the recorded field maps")
    func createErrors() async throws {
        let h = try await Harness.start()
        defer { Task { await h.stop() } }
        let l = try await links(h, type: "Marketplace.Basic", project: "Project A1")
        let other = try await links(h, type: "Marketplace.Slurm", project: "Project A1")
        let b = try await links(h, type: "Marketplace.Basic", project: "Genomics pipeline — Ångström / Åsa")
        func post(_ role: String, _ body: String) async throws -> String {
            let r = try await h.raw("POST", "marketplace-orders/", role: role, body: Array(body.utf8), contentType: "application/json")
            #expect(r.status == 400)
            return String(decoding: r.body, as: UTF8.self)
        }
        #expect(try await post("consumer", "{}") == #"{"offering":["This field is required."],"project":["This field is required."]}"#)
        #expect(try await post("consumer", #"{"offering": "\#(l.offering)", "plan": "\#(l.plan)"}"#) == #"{"project":["This field is required."]}"#)
        #expect(try await post("consumer", #"{"offering": "\#(l.offering)", "plan": "\#(other.plan)", "project": "\#(l.project)"}"#)
            == #"{"plan":["This plan is not available for selected offering."]}"#)
        #expect(try await post("consumer", #"{"offering": "\#(l.offering)", "plan": "\#(l.plan)", "project": "\#(l.project)", "limits": {"cpu": "lots"}}"#)
            == #"{"limits":{"cpu":["A valid integer is required."]}}"#)
        #expect(try await post("consumer", #"{"offering": "\#(l.offering)", "plan": "\#(l.plan)", "project": "\#(b.project)"}"#)
            == #"{"project":["Invalid hyperlink - Object does not exist."]}"#)
        // As the real server (2024-10): a plan's own detail URL is a different view, not the plan under its offering.
        let planUUID = try #require(l.plan.split(separator: "/").last)
        let planDetail = h.sandbox.url.absoluteString + "marketplace-plans/\(planUUID)/"
        #expect(try await post("consumer", #"{"offering": "\#(l.offering)", "plan": "\#(planDetail)", "project": "\#(l.project)"}"#)
            == #"{"plan":["Invalid hyperlink - Incorrect URL match."]}"#)
        let bare = try #require(l.offering.split(separator: "/").last)
        #expect(try await post("consumer", #"{"offering": "\#(bare)", "plan": "\#(l.plan)", "project": "\#(l.project)"}"#)
            == #"{"offering":["Invalid hyperlink - No URL match."]}"#)
        #expect(try await post("consumer", #"{"offering": 5, "project": "\#(l.project)"}"#)
            == #"{"offering":["Incorrect type. Expected URL string, received int."]}"#)
        let broken = try await h.raw("POST", "marketplace-orders/", role: "consumer", body: Array("{oops".utf8), contentType: "application/json")
        let brokenBody = try JSONParser.parse(broken.body)
        #expect(broken.status == 400 && detail(brokenBody)?.hasPrefix("JSON parse error") == true)
    }

    @Test("update_attachment parses multipart and answers the URL; delete_attachment removes it")
    func attachments() async throws {
        let h = try await Harness.start()
        defer { Task { await h.stop() } }
        let o = try #require(try await h.find(.states(.pendingProvider), "consumer") { $0.customerName == "Consumer Org A" })
        let bytes = Array("%PDF-1.4\r\n--not-a-boundary\r\n\u{0}binary".utf8)
        let url = try await h.client("consumer").updateAttachment(o.uuid, filename: "quote 2026 (final).pdf", contentType: "application/pdf", data: bytes)
        #expect(url == h.sandbox.url.absoluteString.replacingOccurrences(of: "/api/", with: "/media/") + "marketplace_order_attachments/quote_2026_final.pdf")
        #expect(try await h.client("consumer").retrieve(o.uuid).attachment == url)
        #expect(await failure { try await h.client("provider").updateAttachment(o.uuid, filename: "x", data: [1]) }.0 == 403)
        let empty = try await h.raw("POST", "marketplace-orders/\(o.uuid.hex)/update_attachment/", role: "consumer", body: Array("{}".utf8), contentType: "application/json")
        #expect(empty.status == 400 && String(decoding: empty.body, as: UTF8.self).hasPrefix(#"{"attachment":["No file was submitted."#))
        #expect(try await h.client("consumer").deleteAttachment(o.uuid).status == 204)
        #expect(try await h.client("consumer").retrieve(o.uuid).attachment == nil)
        let done = try #require(try await h.find(.states(.done), "consumer") { $0.customerName == "Consumer Org A" })
        #expect(await failure { try await h.client("consumer").updateAttachment(done.uuid, filename: "x", data: [1]) }
            == (409, "Valid states for operation: pending-consumer, pending-provider."))
    }

    @Test("GET …/offering/ answers the offering with plans and components")
    func offering() async throws {
        let h = try await Harness.start()
        defer { Task { await h.stop() } }
        let o = try #require(try await h.find { $0.offeringType == "Marketplace.Basic" })
        let offering = try await h.client("staff").offering(of: o.uuid)
        #expect(offering.uuid == o.offeringUUID && offering.type == "Marketplace.Basic" && offering.name == o.offeringName)
        #expect((offering.raw["plans"]?.arrayValue?.count ?? 0) >= 1)
        #expect(offering.raw["components"]?.arrayValue?.first?["billing_type"] != nil)
        #expect(offering.raw["plans"]?[0]?["unit_price"]?.stringValue == "0.0000000000")
    }
}
