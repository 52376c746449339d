import Foundation
import Testing
import WaldurClient
@testable import OrderStore

@Suite struct DetailViewModelTests {
    func updateOrder() throws -> Order {
        let json = try JSONParser.parse(Array("""
        {"uuid": "4278138285d74be296b375f7095bbd01", "type": "Update", "state": "done",
         "offering_name": "Basic VM", "offering_type": "Marketplace.Basic", "plan_name": "Small", "plan_unit": "month",
         "project_name": "Project A2", "customer_name": "Consumer Org A", "provider_name": "Provider Org", "resource_name": "basic-vm-8",
         "backend_id": "vm-8", "cost": "9.0000000000", "fixed_price": 0, "activation_price": 12.5,
         "old_plan_name": "Large", "new_plan_name": "Small", "old_cost_estimate": 7.2, "new_cost_estimate": 9.0,
         "limits": {"cpu": 2, "ram": 4}, "attributes": {"old_limits": {"cpu": 4, "ram": 4}, "name": "vm"},
         "created": "2026-11-26T22:33:46.999818Z", "modified": "2026-11-26T22:33:50.115290Z",
         "completed_at": "2026-11-26T22:33:50.000000Z",
         "created_by_full_name": "Carol Consumer", "created_by_username": "carol",
         "provider_reviewed_by": "provider", "provider_reviewed_by_full_name": "Peter Provider", "provider_reviewed_at": "2026-11-26T22:33:49.054942Z",
         "consumer_reviewed_by": "consumer", "consumer_reviewed_by_full_name": "Carol Consumer", "consumer_reviewed_at": "2026-11-26T22:33:47.069007Z",
         "request_comment": "please\\nhurry", "callback_url": "https://cb.example/x", "start_date": "2026-12-01", "output": "ok"}
        """.utf8))
        return try Order(json: json)
    }

    func lines(_ vm: DetailViewModel, _ role: DetailViewModel.Role) -> [String] {
        vm.sections.flatMap(\.lines).filter { $0.role == role }.map { ($0.key.map { "\($0): " } ?? "") + $0.text }
    }

    @Test func identificationAndMoney() throws {
        let vm = DetailBuilder.build(try updateOrder())
        let id = lines(vm, .identification)
        #expect(id.contains("offering: Basic VM (Marketplace.Basic)"))
        #expect(id.contains("backend id: vm-8"))
        #expect(id.contains("created by: Carol Consumer (carol)"))
        let money = lines(vm, .money)
        #expect(money.contains("cost: 9.00 per month"))
        #expect(money.contains("fixed price: 0.00"))
        #expect(money.contains("activation price: 12.50"))
        #expect(money.contains("plan unit: month"))
    }

    @Test func planChangeWithDifferenceAndPercentage() throws {
        let vm = DetailBuilder.build(try updateOrder())
        #expect(lines(vm, .planChange) == [
            "plan: Large → Small",
            "cost estimate: 7.20 → 9.00 (+1.80, +25.0%)",
            "limit cpu: 4 → 2",
        ])
    }

    @Test func historyInTimeOrderWithEachReviewersOwnName() throws {
        let vm = DetailBuilder.build(try updateOrder())
        #expect(lines(vm, .history) == [
            "2026-11-26 22:33 UTC  created by Carol Consumer (carol)",
            "2026-11-26 22:33 UTC  consumer review: approved by Carol Consumer (consumer)",
            "2026-11-26 22:33 UTC  provider review: approved by Peter Provider (provider)",
            "2026-11-26 22:33 UTC  completed",
        ])
    }

    @Test func rejectedByProviderAndConsumerApproved() throws {
        var o = try updateOrder()
        o.state = .rejected
        o.completedAt = nil
        let h = lines(DetailBuilder.build(o), .history)
        #expect(h[1].contains("consumer review: approved by Carol Consumer"))
        #expect(h[2].contains("provider review: rejected by Peter Provider"))
    }

    @Test func canceledAndErredEvents() throws {
        var o = try updateOrder()
        o.state = .canceled
        o.terminationComment = "no longer needed"
        #expect(lines(DetailBuilder.build(o), .history).last?.hasSuffix("canceled: no longer needed") == true)
        o.state = .erred
        o.errorMessage = "quota exceeded"
        #expect(lines(DetailBuilder.build(o), .history).last?.hasSuffix("erred: quota exceeded") == true)
    }

    @Test func tracebackHiddenForNonStaff() throws {
        var o = try updateOrder()
        o.state = .erred
        o.errorMessage = "boom"
        o.errorTraceback = nil
        #expect(lines(DetailBuilder.build(o), .traceback) == ["traceback: traceback hidden: staff only"])
        #expect(lines(DetailBuilder.build(o), .error) == ["error: boom"])
        o.errorTraceback = "Traceback:\n  File x\u{1b}[31m"
        #expect(lines(DetailBuilder.build(o), .traceback) == ["traceback: ", "  Traceback:", "    File x\u{FFFD}[31m"])
    }

    @Test func attributesLimitsAndOtherLines() throws {
        let vm = DetailBuilder.build(try updateOrder())
        #expect(lines(vm, .limits) == ["cpu: 2", "ram: 4"])
        #expect(lines(vm, .attributes).contains("name: vm"))
        #expect(lines(vm, .comment) == ["request comment: please", ": hurry"])
        #expect(lines(vm, .callback) == ["callback URL: https://cb.example/x"])
        #expect(lines(vm, .schedule) == ["start date: 2026-12-01"])
        #expect(lines(vm, .output).first == "output: ")
    }

    @Test func hostileNamesAreSanitised() throws {
        var o = try updateOrder()
        o.offeringName = "evil\u{1b}]52;c;AAAA\u{07}"
        let vm = DetailBuilder.build(o)
        for line in vm.allLines {
            #expect(!line.text.unicodeScalars.contains { $0.value < 0x20 })
        }
    }

    @Test func detailIsFetchedOnSelectionAndCached() throws {
        var s = loadedState([makeOrder(1), makeOrder(2)])
        #expect(reduce(&s, .selectQueue(s.queueIndex("All"))) == [.retrieveOrder(uuid(1))])
        // The first load selected order 1 and asked for it.
        #expect(s.detailLoading.contains(uuid(1)))
        #expect(s.detail?.isLoading == true)
        var full = makeOrder(1)
        full.errorTraceback = "tb"
        full.requestComment = "hello"
        _ = reduce(&s, .orderRetrieved(full))
        #expect(s.detail?.isLoading == false)
        #expect(s.detail?.sections.contains { $0.lines.contains { $0.text == "hello" } } == true)
        let effects = reduce(&s, .moveSelection(1))
        #expect(effects == [.retrieveOrder(uuid(2))])
        #expect(reduce(&s, .moveSelection(-1)) == []) // cached
        // A refresh that changes the order invalidates the cache and re-fetches it for the selection.
        var changed = makeOrder(1)
        changed.state = .executing
        changed.modified = testNow.addingTimeInterval(5)
        let refetch = s.merge([changed], purpose: .poll, flagChanges: true)
        #expect(refetch == [.retrieveOrder(uuid(1))])
        #expect(s.detailCache[uuid(1)] == nil)
    }

    @Test func retrieveErrorIsShown() {
        var s = loadedState([makeOrder(1)])
        _ = reduce(&s, .selectQueue(s.queueIndex("All")))
        _ = reduce(&s, .orderRetrieveFailed(uuid(1), .http(status: 500, serverMessage: "kaput", retryAfter: nil)))
        #expect(s.detail?.loadError?.contains("kaput") == true)
        _ = reduce(&s, .orderRetrieveFailed(uuid(1), .http(status: 404, serverMessage: "Not found.", retryAfter: nil)))
        #expect(s.loadedCount == 0)
    }
}
