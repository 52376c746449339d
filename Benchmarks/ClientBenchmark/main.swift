// Decoding throughput of the client's order models (release build: `swift run -c release client-benchmark`).
// Prints MB/s and orders/s for 20,000 full orders and 20,000 orders trimmed to the list view's fields.
import Foundation
import WaldurClient

func fullOrder(_ i: Int) -> JSONValue {
    let hex = String(format: "%032x", i * 7919)
    return [
        "offering": .string("https://waldur.example/api/marketplace-public-offerings/a8f09ad675c347a0bb26e8c600f5301e/"),
        "offering_name": .string("Basic VM \(i % 17)"), "offering_uuid": "a8f09ad675c347a0bb26e8c600f5301e",
        "offering_description": "Basic VM (eval)", "offering_image": .null, "offering_thumbnail": .null, "offering_type": "Marketplace.Basic",
        "offering_terms_of_service": "", "offering_shared": true, "offering_billable": true, "offering_plugin_options": [:],
        "provider_name": "Provider Org", "provider_uuid": "b84138ce57804385a511d889a164a26e", "category_title": "Compute",
        "category_uuid": "b99c016b3781427897c8b65537c82fc6", "category_icon": .null,
        "plan": "https://waldur.example/api/marketplace-public-offerings/a8f09ad675c347a0bb26e8c600f5301e/plans/67303280bc88411f99555a469f95f1e8/",
        "plan_unit": "month", "plan_name": "Small", "plan_uuid": "67303280bc88411f99555a469f95f1e8", "plan_description": "Small plan",
        "attributes": ["name": .string("basic-vm-\(i)"), "description": .string("order #\(i) by consumer")], "limits": ["cpu": 2, "ram": 4],
        "uuid": .string(hex), "created": "2026-11-26T22:33:07.456854Z", "modified": "2026-11-26T22:33:23.807931Z", "type": "Create",
        "resource_uuid": .null, "resource_type": .null, "resource_name": .string("basic-vm-\(i)"), "cost": .string("\(i % 100).0000000000"),
        "state": "done", "output": "", "marketplace_resource_uuid": "fc919f1987494b5e9a33444bb1338954", "error_message": "", "error_traceback": "",
        "callback_url": .null, "consumer_reviewed_by": "consumer", "consumer_reviewed_by_full_name": "Carol Consumer",
        "consumer_reviewed_at": "2026-11-26T22:33:07.499590Z", "provider_reviewed_by": "provider", "provider_reviewed_by_full_name": "Peter Provider",
        "provider_reviewed_at": "2026-11-26T22:33:23.598098Z", "created_by_full_name": "Carol Consumer", "created_by_civil_number": .null,
        "customer_name": "Consumer Org A", "customer_uuid": "c743c3c41e9449f9bf801802ee7ae13d", "customer_slug": "consumer-1",
        "project_name": "Project A1", "project_uuid": "8cd362edd5be4a5ea4733e3b95698bff", "project_description": "First project of org A",
        "project_slug": "project--1", "new_plan_name": "Small", "new_plan_uuid": "67303280bc88411f99555a469f95f1e8",
        "old_cost_estimate": .number("9.0"), "new_cost_estimate": .number("9.0"), "can_terminate": false, "fixed_price": 0, "activation_price": 0,
        "termination_comment": .null, "backend_id": "", "issue": .null,
    ]
}

let listFields = ["uuid", "state", "type", "offering_name", "offering_type", "project_name", "customer_name", "provider_name", "cost",
                  "created", "modified", "created_by_full_name", "consumer_reviewed_by", "provider_reviewed_by", "resource_name", "plan_name"]

func trimmed(_ v: JSONValue) -> JSONValue {
    .object((v.objectValue ?? []).filter { listFields.contains($0.0) })
}

func measure(_ label: String, count: Int, body: [UInt8], rounds: Int = 5) {
    var best = Double.infinity
    var decoded = 0
    for _ in 0..<rounds {
        let start = DispatchTime.now().uptimeNanoseconds
        do {
            decoded = try Order.list(json: try JSONParser.parse(body)).count
        } catch {
            print("\(label): decoding failed: \(error)")
            return
        }
        best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    precondition(decoded == count)
    let mb = Double(body.count) / 1_000_000
    print(String(format: "%@: %d orders, %.1f MB in %.3f s (best of %d): %.1f MB/s, %.0f orders/s",
                 label, count, mb, best, rounds, mb / best, Double(count) / best))
}

let count = 20_000
let full = (0..<count).map(fullOrder)
measure("full orders   ", count: count, body: JSONWriter.bytes(.array(full)))
measure("trimmed orders", count: count, body: JSONWriter.bytes(.array(full.map(trimmed))))
