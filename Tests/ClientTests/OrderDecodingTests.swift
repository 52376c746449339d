import Foundation
import Testing
@testable import WaldurClient

/// Orders written from the reference's field tables, for what the recordings lack.
@Suite struct OrderDecodingTests {
    static let full = """
    {"offering":"https://w.example/api/marketplace-public-offerings/a8f09ad675c347a0bb26e8c600f5301e/","offering_name":"Basic VM",
     "offering_uuid":"a8f09ad6-75c3-47a0-bb26-e8c600f5301e","offering_description":"d","offering_image":"https://w.example/i.png",
     "offering_thumbnail":"https://w.example/t.png","offering_type":"Marketplace.Slurm","offering_shared":true,"offering_billable":false,
     "offering_plugin_options":{"storage_mode":"fixed","nested":[1,2.50,{"x":null}]},"provider_name":"HPC Centre","provider_uuid":"B84138CE57804385A511D889A164A26E",
     "provider_slug":"hpc","category_title":"HPC","category_uuid":"b99c016b3781427897c8b65537c82fc6","category_icon":null,
     "plan":"https://w.example/api/plans/1/","plan_unit":"month","plan_name":"Gold","plan_uuid":"67303280bc88411f99555a469f95f1e8",
     "plan_description":"Gold plan","attributes":{"name":"alloc","cpu_hours":1e3},"limits":{"cpu":100,"gpu":0.5},
     "uuid":"3e86299f5a304e45bd31367e5406cc68","created":"2026-11-26T09:15:02.123456Z","modified":"2026-11-26T11:15:02+02:00",
     "type":"Update","resource_uuid":"fc919f1987494b5e9a33444bb1338954","resource_type":"SLURM.Allocation","resource_name":"alloc",
     "cost":"123456789.123456","state":"erred","output":"ok","marketplace_resource_uuid":"fc919f1987494b5e9a33444bb1338954",
     "error_message":"Quota exceeded","error_traceback":"Traceback (most recent call last):\\n  File \\"x.py\\"\\nError","callback_url":"https://cb.example/",
     "completed_at":"2026-11-27T00:00:00Z","request_comment":"please","attachment":"https://w.example/a.pdf","start_date":"2026-12-01",
     "url":"https://w.example/api/marketplace-orders/3e86299f5a304e45bd31367e5406cc68/",
     "consumer_reviewed_by":"carol","consumer_reviewed_by_full_name":"Carol Consumer","consumer_reviewed_by_username":"carol",
     "consumer_reviewed_at":"2026-11-26T09:16:02Z","provider_reviewed_by":"peter","provider_reviewed_by_full_name":"Peter Provider",
     "provider_reviewed_by_username":"peter","provider_reviewed_at":"2026-11-26T09:17:02.5Z","created_by_username":"carol",
     "created_by_full_name":"Carol Consumer","created_by_civil_number":null,"customer_name":"Org A","customer_uuid":"c743c3c41e9449f9bf801802ee7ae13d",
     "customer_slug":"org-a","project_name":"Proj","project_uuid":"8cd362edd5be4a5ea4733e3b95698bff","project_description":"","project_slug":"proj",
     "old_plan_name":"Silver","new_plan_name":"Gold","old_plan_uuid":"cefa53410222485b8695be94f1c86c53","new_plan_uuid":"67303280bc88411f99555a469f95f1e8",
     "old_cost_estimate":"10.50","new_cost_estimate":12.25,"can_terminate":true,"fixed_price":0.1,"activation_price":"5","termination_comment":"bye",
     "backend_id":"job-1","issue":{"key":"SD-1","uuid":"aa"},"future_field":[true]}
    """

    @Test func fullOrderReadsEveryField() throws {
        let order = try Order(json: try JSONParser.parse(Self.full))
        #expect(order.offeringUUID == "a8f09ad675c347a0bb26e8c600f5301e")
        #expect(order.providerUUID?.hex == "b84138ce57804385a511d889a164a26e")
        #expect(order.offeringShared == true && order.offeringBillable == false && order.canTerminate == true)
        #expect(order.cost?.value == Decimal(string: "123456789.123456"))
        #expect(order.cost?.text == "123456789.123456")
        #expect(order.oldCostEstimate?.text == "10.50")
        #expect(order.newCostEstimate?.text == "12.25")
        #expect(order.fixedPrice?.value == Decimal(string: "0.1"))
        #expect(order.activationPrice?.value == 5)
        #expect(order.state == .erred && order.type == .update)
        #expect(order.errorTraceback?.contains("\n  File \"x.py\"") == true)
        #expect(order.attributes?["cpu_hours"] == .number("1e3"))
        #expect(order.offeringPluginOptions?["nested"]?[1] == .number("2.50"))
        #expect(order.startDate == "2026-12-01")
        #expect(order.issue?["key"] == "SD-1")
        #expect(order.extraFields["future_field"] == [true])
        #expect(order.createdByCivilNumber == nil)
        // Offsets: 11:15:02+02:00 is 09:15:02Z.
        #expect(WaldurDate.format(try #require(order.modified)) == "2026-11-26T09:15:02.000000Z")
        #expect(WaldurDate.format(try #require(order.providerReviewedAt)) == "2026-11-26T09:17:02.500000Z")
    }

    @Test func encodingRoundTripsExactly() throws {
        let order = try Order(json: try JSONParser.parse(Self.full))
        let again = try Order(json: try JSONParser.parse(JSONWriter.string(order.json)))
        #expect(again == order)
        #expect(again.cost?.text == "123456789.123456")
        #expect(again.newCostEstimate?.wasNumber == true)
        #expect(JSONWriter.string(again.attributes ?? .null) == #"{"name":"alloc","cpu_hours":1e3}"#)
    }

    @Test func nullAndMissingAreBothUnset() throws {
        let missing = try Order(json: ["uuid": "3e86299f5a304e45bd31367e5406cc68"])
        let null = try Order(json: ["uuid": "3e86299f5a304e45bd31367e5406cc68", "cost": .null, "plan_name": .null, "attributes": .null, "created": .null])
        #expect(missing == null)
        #expect(missing.cost == nil && null.attributes == nil && null.created == nil)
    }

    @Test func unknownStatesAndTypesAreKept() throws {
        let order = try Order(json: ["uuid": "ab", "state": "pending-approval-by-robot", "type": "Migrate"])
        #expect(order.state == .unknown("pending-approval-by-robot"))
        #expect(order.type == .unknown("Migrate"))
        #expect(order.state?.wire == "pending-approval-by-robot")
        #expect(OrderState(wire: "pending-start-date") == .pendingStartDate)
        #expect(OrderType(wire: "Restore") == .restore)
    }

    @Test func failuresNameTheFieldPath() throws {
        let json = try JSONParser.parse(#"[{"uuid":"aa","cost":"1.0"},{"uuid":"bb","cost":"lots"}]"#)
        #expect(throws: JSONDecodingError(path: "[1].cost", reason: #"expected a decimal amount, got "lots""#)) { try Order.list(json: json) }
        #expect(throws: JSONDecodingError(path: "uuid", reason: "missing uuid")) { try Order(json: ["state": "done"]) }
        #expect(throws: JSONDecodingError(path: "created", reason: #"expected an ISO 8601 timestamp, got "yesterday""#)) {
            try Order(json: ["uuid": "aa", "created": "yesterday"])
        }
        #expect(throws: JSONDecodingError.self) { try Order(json: ["uuid": "aa", "project_name": ["x"]]) }
        #expect(throws: JSONDecodingError(path: "", reason: "expected a list of orders, got an object")) { try Order.list(json: ["detail": "x"]) }
    }

    @Test func numbersWhereStringsBelongAreRead() throws {
        let order = try Order(json: ["uuid": "aa", "project_name": 42, "backend_id": true])
        #expect(order.projectName == "42")
        #expect(order.backendID == "true")
    }

    @Test func uuidsCompareWithoutHyphensOrCase() {
        #expect(WaldurUUID("4278138285D74BE296B375F7095BBD01") == WaldurUUID("42781382-85d7-4be2-96b3-75f7095bbd01"))
        #expect(Set([WaldurUUID("AB-cd"), WaldurUUID("abcd")]).count == 1)
        #expect(WaldurUUID("42781382-85d7-4be2-96b3-75f7095bbd01").isWellFormed)
        #expect(!WaldurUUID("not-a-uuid").isWellFormed)
        #expect(WaldurUUID("42781382-85d7-4be2-96b3-75f7095bbd01").raw == "42781382-85d7-4be2-96b3-75f7095bbd01")
    }
}
