import Foundation
import Testing
@testable import WaldurClient

/// Every response recorded from a real Waldur must be read: successes into models, errors into `WaldurError`.
@Suite struct RecordedFixtureTests {
    func body(_ file: String) throws -> JSONValue {
        try #require(try Fixtures.exchange(file)["body"])
    }

    @Test func everyRecordedFileIsRead() throws {
        let files = Fixtures.allFiles
        #expect(files.count >= 17)
        var decodedOrders = 0
        for file in files {
            let exchanges = file == "errors.json" ? try Fixtures.exchanges(file) : [try Fixtures.exchange(file)]
            for exchange in exchanges {
                let status = try #require(exchange["status"]?.intValue)
                let url = exchange["url"]?.stringValue ?? ""
                let body = exchange["body"] ?? .null
                if (200..<300).contains(status) {
                    if url.hasSuffix("/offering/") {
                        let offering = try Offering(json: body)
                        #expect(offering.uuid != nil)
                    } else if case .array = body {
                        decodedOrders += try Order.list(json: body).count
                    } else if case .object = body {
                        _ = try Order(json: body)
                        decodedOrders += 1
                    }
                } else {
                    let bytes: [UInt8] = body.stringValue.map { Array($0.utf8) } ?? JSONWriter.bytes(body)
                    let contentType = exchange["headers"]?["Content-Type"]?.stringValue
                    let message = WaldurError.serverMessage(from: bytes, contentType: contentType)
                    let error = WaldurError.http(status: status, serverMessage: message, retryAfter: nil)
                    #expect(error.message.hasPrefix("HTTP \(status)"), "\(file): \(error.message)")
                    #expect(!error.message.contains("<"), "HTML leaked into \(error.message)")
                }
            }
        }
        #expect(decodedOrders >= 35)
    }

    @Test func updateOrderKeepsMoneyDigitsAndPlanChange() throws {
        let order = try Order(json: try body("retrieve_update_order.json"))
        #expect(order.uuid == "42781382-85d7-4be2-96b3-75f7095bbd01")
        #expect(order.type == .update)
        #expect(order.state == .done)
        #expect(order.cost?.text == "9.0000000000")
        #expect(order.cost?.value == Decimal(9))
        #expect(order.cost?.wasNumber == false)
        #expect(order.oldCostEstimate?.text == "7.2")
        #expect(order.oldCostEstimate?.wasNumber == true)
        #expect(order.oldCostEstimate?.value == Decimal(string: "7.2"))
        #expect(order.newCostEstimate?.text == "9.0")
        #expect(order.oldPlanName == "Large")
        #expect(order.newPlanName == "Small")
        #expect(order.limits == ["cpu": 2, "ram": 4])
        #expect(order.consumerReviewedBy == "consumer")
        #expect(order.providerReviewedByFullName == "Peter Provider")
        #expect(order.planUnit == "month")
        #expect(order.callbackURL == nil)
        #expect(order.terminationComment == nil)
        #expect(order.offeringTermsOfService == "")
        #expect(order.extraFields.isEmpty)
        let created = try #require(order.created)
        #expect(WaldurDate.format(created) == "2026-11-26T22:33:46.999818Z")
    }

    @Test func tracebackIsOnlyThereForStaff() throws {
        let staff = try Order(json: try body("retrieve_erred_order_staff.json"))
        let consumer = try Order(json: try body("retrieve_erred_order_consumer.json"))
        #expect(staff.state == .erred)
        #expect(staff.errorMessage == "Slurm backend unreachable")
        #expect(staff.errorTraceback == "ConnectionError: slurmctld")
        #expect(consumer.errorMessage == "Slurm backend unreachable")
        #expect(consumer.errorTraceback == nil)
    }

    @Test func terminateOrderWithNullCost() throws {
        let order = try Order(json: try body("retrieve_terminate_order.json"))
        #expect(order.type == .terminate)
        #expect(order.cost == nil)
        #expect(order.planName == nil)
    }

    @Test func pendingProjectAndRejected() throws {
        #expect(try Order(json: try body("retrieve_pending_project_order.json")).state == .pendingProject)
        let rejected = try Order(json: try body("retrieve_rejected_order.json"))
        #expect(rejected.state == .rejected)
        #expect(rejected.consumerReviewedBy == "projadmin")
        #expect(rejected.providerReviewedBy == nil)
    }

    @Test func createAnswerHasItsOwnShape() throws {
        let order = try Order(json: try body("create_order_201.json"))
        #expect(order.state == .pendingProvider)
        #expect(order.createdByUsername == "consumer")
        #expect(order.url == "http://127.0.0.1:8000/api/marketplace-orders/b6d1b157eb054d3c8d79ac420d801d4d/")
        #expect(order.project == "http://127.0.0.1:8000/api/projects/8cd362edd5be4a5ea4733e3b95698bff/")
        #expect(order.cost?.value == Decimal(string: "4.5"))
    }

    @Test func trimmedListHasOnlyUUIDAndState() throws {
        let orders = try Order.list(json: try body("list_fields_uuid_state.json"))
        #expect(orders.count == 10)
        #expect(orders.allSatisfy { $0.state != nil && $0.offeringName == nil && $0.cost == nil })
        #expect(orders[1].state == .rejected)
    }

    @Test func listPagesCarryCountAndLinks() throws {
        let exchange = try Fixtures.exchange("list_page_size_5.json")
        let links = OrderPage.links(exchange["headers"]?["Link"]?.stringValue)
        #expect(links["next"]?.absoluteString == "http://127.0.0.1:8000/api/marketplace-orders/?page=2&page_size=5")
        #expect(links["last"]?.absoluteString == "http://127.0.0.1:8000/api/marketplace-orders/?page=10&page_size=5")
        #expect(try Order.list(json: try body("list_page_size_5.json")).count == 5)
        let erred = try Order.list(json: try body("list_state_erred.json"))
        #expect(!erred.isEmpty && erred.allSatisfy { $0.state == .erred })
        let updates = try Order.list(json: try body("list_type_update.json"))
        #expect(!updates.isEmpty && updates.allSatisfy { $0.type == .update })
    }

    @Test func errorBodiesGiveTheServersOwnMessage() throws {
        func message(_ label: String) throws -> String? {
            let exchange = try #require(try Fixtures.exchanges("errors.json").first { $0["label"]?.stringValue == label })
            let body = exchange["body"] ?? .null
            let bytes: [UInt8] = body.stringValue.map { Array($0.utf8) } ?? JSONWriter.bytes(body)
            return WaldurError.serverMessage(from: bytes, contentType: exchange["headers"]?["Content-Type"]?.stringValue)
        }
        #expect(try message("ERR approve_by_consumer again (now pending-provider)") == "Valid states for operation: pending-consumer.")
        #expect(try message("ERR create: empty body") == "offering: This field is required.; project: This field is required.")
        #expect(try message("ERR create: bad limits type") == "limits.cpu: A valid integer is required.")
        #expect(try message("ERR switch_plan while update pending") == "Pending order for resource already exists.")
        #expect(try message("ERR set_state_erred on Basic offering")
            == "Method \"The order's offering with Marketplace.Basic type does not support this action\" not allowed.")
        let html = try #require(try message("set_backend_id (not in this version?)"))
        #expect(html.contains("HTML page"))
        #expect(!html.contains("<"))
        #expect(try message("ERR invalid token") == "Invalid token.")
        #expect(WaldurError.serverMessage(from: Array(#"{"non_field_errors": ["Customer is blocked."]}"#.utf8), contentType: nil) == "Customer is blocked.")
    }
}
