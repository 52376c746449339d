import Foundation
import Testing
import WaldurClient
@testable import OrderStore

/// What the command line takes from the store: facts of a retrieved order, the attachment rule, and the provider
/// approval's attributes body from the one action table.
@Suite struct CommandLineRulesTests {
    func order(state: OrderState, creator: String?, username: String? = nil) -> Order {
        var o = Order(uuid: WaldurUUID("0123456789abcdef0123456789abcdef"))
        o.state = state
        o.offeringType = "Marketplace.Slurm"
        o.createdByUsername = username
        o.createdBy = creator
        return o
    }

    @Test func factsOfARetrievedOrderMatchTheScreens() {
        let mine = ActionRules.facts(of: order(state: .pendingConsumer, creator: nil, username: "alice"), canApproveAsConsumer: false,
                                     canApproveAsProvider: true, username: "alice")
        #expect(mine == OrderFacts(state: .pendingConsumer, offeringType: "Marketplace.Slurm", canApproveAsProvider: true, isCreator: true))
        // The username wins over the creator URL; an empty username falls back to it.
        let byURL = ActionRules.facts(of: order(state: .pendingConsumer, creator: "bob", username: ""), canApproveAsConsumer: false,
                                      canApproveAsProvider: false, username: "bob")
        #expect(byURL.isCreator)
        let unknownUser = ActionRules.facts(of: order(state: .pendingConsumer, creator: nil, username: "alice"), canApproveAsConsumer: false,
                                            canApproveAsProvider: false, username: nil)
        #expect(!unknownUser.isCreator)
        #expect(ActionRules.availability(of: .reject, for: mine, configuration: StoreConfiguration()).endpoint == .rejectByConsumer)
    }

    @Test func attachmentsOnlyOnPendingOrdersAndNeverReadOnly() {
        let pending = OrderFacts(state: .pendingProvider, offeringType: "Marketplace.Basic")
        let done = OrderFacts(state: .done, offeringType: "Marketplace.Basic")
        #expect(ActionRules.attachmentRefusal(for: pending, configuration: StoreConfiguration()) == nil)
        #expect(ActionRules.attachmentRefusal(for: done, configuration: StoreConfiguration()) == "only pending orders take attachments; this one is done")
        #expect(ActionRules.attachmentRefusal(for: pending, configuration: StoreConfiguration(readOnly: true)) != nil)
    }

    @Test func providerApprovalCarriesTheAttributesOthersSendNoBody() {
        let uuid = WaldurUUID("0123456789abcdef0123456789abcdef")
        let attributes: JSONValue = ["cpu": 4]
        #expect(ActionTable.row(.approveByProvider).body(ActionCall(.approveByProvider, uuid, attributes: attributes)) == ["attributes": ["cpu": 4]])
        #expect(ActionTable.row(.approveByProvider).body(ActionCall(.approveByProvider, uuid)) == nil)
        #expect(ActionTable.row(.approveByConsumer).body(ActionCall(.approveByConsumer, uuid, attributes: attributes)) == nil)
    }
}
