import Foundation
import Testing
import WaldurClient
@testable import WaldurSandbox

@Suite("List filters")
struct FilterTests {
    /// Lists with a filter and checks the result equals the staff list filtered locally.
    func check(_ h: Harness, role: String = "staff", _ configure: (inout OrderListQuery) -> Void,
               expect predicate: (Order) -> Bool, sourceLocation: SourceLocation = #_sourceLocation) async throws {
        var q = OrderListQuery()
        q.pageSize = 300
        configure(&q)
        let got = try await h.all(role, q).map(\.uuid)
        var full = OrderListQuery()
        full.pageSize = 300
        let want = try await h.all(role, full).filter(predicate).map(\.uuid)
        #expect(!want.isEmpty, sourceLocation: sourceLocation)
        #expect(got == want, sourceLocation: sourceLocation)
    }

    @Test("state, type, offering_type (repeated keys mean OR)")
    func enums() async throws {
        let h = try await Harness.start()
        defer { Task { await h.stop() } }
        try await check(h, { $0.state = [.erred, .executing] }, expect: { $0.state == .erred || $0.state == .executing })
        try await check(h, { $0.type = [.update] }, expect: { $0.type == .update })
        try await check(h, { $0.type = [.terminate, .create] }, expect: { $0.type == .terminate || $0.type == .create })
        try await check(h, { $0.offeringType = ["Marketplace.Slurm", "OpenStack.Tenant"] },
                        expect: { $0.offeringType == "Marketplace.Slurm" || $0.offeringType == "OpenStack.Tenant" })
        let all = try await h.all()
        for s in OrderState.known { #expect(all.contains { $0.state == s }, "state \(s) seeded") }
        for t in [OrderType.create, .update, .terminate] { #expect(all.contains { $0.type == t }, "type \(t) seeded") }
    }

    @Test("uuid filters: project, customer, offering, category, provider, resource")
    func uuids() async throws {
        let h = try await Harness.start()
        defer { Task { await h.stop() } }
        let sample = try #require(try await h.all().first { $0.type == .update })
        try await check(h, { $0.projectUUID = sample.projectUUID }, expect: { $0.projectUUID == sample.projectUUID })
        try await check(h, { $0.customerUUID = sample.customerUUID }, expect: { $0.customerUUID == sample.customerUUID })
        try await check(h, { $0.offeringUUID = sample.offeringUUID }, expect: { $0.offeringUUID == sample.offeringUUID })
        try await check(h, { $0.categoryUUID = sample.categoryUUID }, expect: { $0.categoryUUID == sample.categoryUUID })
        try await check(h, { $0.providerUUID = sample.providerUUID }, expect: { $0.providerUUID == sample.providerUUID })
        try await check(h, { $0.resourceUUID = sample.marketplaceResourceUUID }, expect: { $0.marketplaceResourceUUID == sample.marketplaceResourceUUID })
        try await check(h, { $0.offering = sample.offering }, expect: { $0.offeringUUID == sample.offeringUUID })
        // Hyphenated and upper-case forms are accepted too.
        let hex = try #require(sample.projectUUID?.hex)
        let hyphenated = [hex.prefix(8), hex.dropFirst(8).prefix(4), hex.dropFirst(12).prefix(4), hex.dropFirst(16).prefix(4), hex.dropFirst(20)]
            .map(String.init).joined(separator: "-").uppercased()
        let r = try await h.raw("GET", "marketplace-orders/?project_uuid=\(hyphenated)&page_size=300")
        #expect(try Order.list(json: JSONParser.parse(r.body)).allSatisfy { $0.projectUUID == sample.projectUUID })
        let bad = try await h.raw("GET", "marketplace-orders/?project_uuid=not-a-uuid")
        #expect(bad.status == 400)
        #expect(String(decoding: bad.body, as: UTF8.self) == #"{"project_uuid":["Enter a valid UUID."]}"#)
    }

    @Test("offering_slug, service_manager_uuid, parent_offering_uuid and resource URL")
    func lessCommon() async throws {
        let h = try await Harness.start()
        defer { Task { await h.stop() } }
        try await check(h, { $0.offeringSlug = ["basic-vm-1"] }, expect: { $0.offeringName == "Basic VM" })
        // Several slugs travel comma-separated in one value (django-filter's BaseInFilter reads the last value of a key).
        let two = try await h.raw("GET", "marketplace-orders/?offering_slug=basic-vm-1,hpc-allo-1&page_size=300&field=uuid&field=offering_name")
        let names = Set(try Order.list(json: JSONParser.parse(two.body)).compactMap(\.offeringName))
        #expect(names == ["Basic VM", "HPC Allocation"])
        let provider = await h.sandbox.store.catalog.people[2]
        #expect(provider.username == "provider")
        try await check(h, { $0.serviceManagerUUID = WaldurUUID(provider.uuid.hex) }, expect: { _ in true })
        let consumer = await h.sandbox.store.catalog.people[1]
        var q = OrderListQuery()
        q.serviceManagerUUID = WaldurUUID(consumer.uuid.hex)
        #expect(try await h.all("staff", q).isEmpty)
        q = OrderListQuery()
        q.parentOfferingUUID = WaldurUUID(provider.uuid.hex)
        #expect(try await h.all("staff", q).isEmpty)
        let sample = try #require(try await h.all().first)
        let resourceURL = h.sandbox.url.absoluteString + "marketplace-resources/\(try #require(sample.marketplaceResourceUUID).hex)/"
        try await check(h, { $0.resource = resourceURL }, expect: { $0.marketplaceResourceUUID == sample.marketplaceResourceUUID })
    }

    @Test("query matches a uuid exactly, else project or resource name, case-insensitively")
    func query() async throws {
        let h = try await Harness.start()
        defer { Task { await h.stop() } }
        let sample = try #require(try await h.all().dropFirst(40).first)
        try await check(h, { $0.query = sample.uuid.hex }, expect: { $0.uuid == sample.uuid })
        try await check(h, { $0.query = "ångström" }, expect: { ($0.projectName ?? "").lowercased().contains("ångström") || ($0.resourceName ?? "").lowercased().contains("ångström") })
        try await check(h, { $0.query = "BASIC-VM" }, expect: { ($0.projectName ?? "").lowercased().contains("basic-vm") || ($0.resourceName ?? "").lowercased().contains("basic-vm") })
    }

    @Test("created and modified mean at-or-after")
    func dates() async throws {
        let h = try await Harness.start()
        defer { Task { await h.stop() } }
        let all = try await h.all()
        let mid = try #require(all[150].created)
        try await check(h, { $0.created = mid }, expect: { ($0.created ?? .distantPast) >= mid })
        let midModified = try #require(all.compactMap(\.modified).sorted()[200])
        try await check(h, { $0.modified = midModified }, expect: { ($0.modified ?? .distantPast) >= midModified })
        let bad = try await h.raw("GET", "marketplace-orders/?created=yesterday")
        #expect(bad.status == 400 && String(decoding: bad.body, as: UTF8.self) == #"{"created":["Enter a valid date/time."]}"#)
    }

    @Test("can_approve_as_consumer / can_approve_as_provider narrow to what the caller can approve now")
    func canApprove() async throws {
        let h = try await Harness.start()
        defer { Task { await h.stop() } }
        try await check(h, role: "consumer", { $0.canApproveAsConsumer = true },
                        expect: { $0.state == .pendingConsumer && ["Consumer Org A", "🚀 Rocket Labs Ltd"].contains($0.customerName ?? "") })
        try await check(h, role: "provider", { $0.canApproveAsProvider = true }, expect: { $0.state == .pendingProvider })
        try await check(h, role: "staff", { $0.canApproveAsConsumer = true }, expect: { $0.state == .pendingConsumer })
        var q = OrderListQuery()
        q.canApproveAsConsumer = true
        #expect(try await h.all("member", q).isEmpty)
        q = OrderListQuery()
        q.canApproveAsProvider = true
        #expect(try await h.all("consumer", q).isEmpty)
        #expect(try await h.all("member", q).isEmpty)
        // Approving removes the order from the queue.
        var cq = OrderListQuery()
        cq.canApproveAsConsumer = true
        let queue = try await h.all("consumer", cq)
        let first = try #require(queue.first)
        _ = try await h.client("consumer").approveByConsumer(first.uuid)
        #expect(try await h.all("consumer", cq).map(\.uuid) == Array(queue.dropFirst()).map(\.uuid))
    }

    @Test("unknown filter values answer Waldur's 400 field maps")
    func badValues() async throws {
        let h = try await Harness.start()
        defer { Task { await h.stop() } }
        let state = try await h.raw("GET", "marketplace-orders/?state=bogus")
        #expect(state.status == 400)
        #expect(String(decoding: state.body, as: UTF8.self) == #"{"state":["Select a valid choice. bogus is not one of the available choices."]}"#)
        #expect(state.header("Allow") == "GET, POST, HEAD, OPTIONS")
        let type = try await h.raw("GET", "marketplace-orders/?type=Migrate")
        #expect(String(decoding: type.body, as: UTF8.self) == #"{"type":["Select a valid choice. Migrate is not one of the available choices."]}"#)
        // Unknown parameters are ignored, as django-filter does.
        let unknown = try await h.raw("GET", "marketplace-orders/?colour=blue")
        #expect(unknown.status == 200)
    }
}
