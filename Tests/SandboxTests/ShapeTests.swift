import Foundation
import Testing
import WaldurClient
@testable import WaldurSandbox

@Suite("Recorded shapes")
struct ShapeTests {
    /// Keys of a done Create order on a Basic offering, in the order recorded from Waldur (fixtures/waldur-2024-10/list_page_size_5.json).
    static let recordedDone = [
        "offering", "offering_name", "offering_uuid", "offering_description", "offering_image", "offering_thumbnail", "offering_type",
        "offering_terms_of_service", "offering_shared", "offering_billable", "offering_plugin_options", "provider_name", "provider_uuid",
        "category_title", "category_uuid", "category_icon", "plan", "plan_unit", "plan_name", "plan_uuid", "plan_description", "attributes",
        "limits", "uuid", "created", "modified", "type", "resource_uuid", "resource_type", "resource_name", "cost", "state", "output",
        "marketplace_resource_uuid", "error_message", "error_traceback", "callback_url", "consumer_reviewed_by", "consumer_reviewed_by_full_name",
        "consumer_reviewed_at", "provider_reviewed_by", "provider_reviewed_by_full_name", "provider_reviewed_at", "created_by_full_name",
        "created_by_civil_number", "customer_name", "customer_uuid", "customer_slug", "project_name", "project_uuid", "project_description",
        "project_slug", "new_plan_name", "new_plan_uuid", "old_cost_estimate", "new_cost_estimate", "can_terminate", "fixed_price",
        "activation_price", "termination_comment", "backend_id", "issue",
    ]
    /// Keys newer servers add (named in the API reference), allowed on top of the recorded ones.
    static let newer: Set<String> = ["provider_slug", "completed_at", "request_comment", "attachment", "start_date",
                                     "consumer_reviewed_by_username", "provider_reviewed_by_username", "created_by_username"]

    @Test("a done Basic order has the recorded keys in the recorded order, plus only newer documented keys")
    func doneOrderKeys() async throws {
        let h = try await Harness.start()
        defer { Task { await h.stop() } }
        let o = try #require(try await h.find(.states(.done)) { $0.offeringType == "Marketplace.Basic" && $0.type == .create && $0.oldPlanName == nil })
        let body = try JSONParser.parse(try await h.raw("GET", "marketplace-orders/\(o.uuid.hex)/").body)
        let keys = try #require(body.objectValue?.map(\.0))
        #expect(keys.filter { Set(Self.recordedDone).contains($0) } == Self.recordedDone)
        #expect(Set(keys).subtracting(Self.recordedDone).isSubset(of: Self.newer))
        #expect(body["offering_plugin_options"] == .object([]))
        #expect(body["created_by_civil_number"] == .null)
        #expect(body["issue"] == .null)
    }

    @Test("unreviewed sides leave out the reviewer keys but keep the *_reviewed_at null")
    func unreviewedKeys() async throws {
        let h = try await Harness.start()
        defer { Task { await h.stop() } }
        let o = try #require(try await h.find(.states(.pendingProvider)) { _ in true })
        let body = try JSONParser.parse(try await h.raw("GET", "marketplace-orders/\(o.uuid.hex)/").body)
        #expect(body["provider_reviewed_by"] == nil && body["provider_reviewed_by_full_name"] == nil)
        #expect(body["provider_reviewed_at"] == .null)
        #expect(body["consumer_reviewed_by"]?.stringValue != nil)
    }
}
