import Foundation
import Testing
import WaldurClient
@testable import OrderStore

@Suite struct ActionRulesTests {
    let config = StoreConfiguration()
    let staff = StoreConfiguration(isStaff: true)

    func check(_ a: OrderAction, _ f: OrderFacts, _ c: StoreConfiguration? = nil) -> ActionAvailability {
        ActionRules.availability(of: a, for: f, configuration: c ?? config)
    }

    func facts(_ state: OrderState, _ type: String = "Marketplace.Basic", consumer: Bool = false, provider: Bool = false, creator: Bool = false) -> OrderFacts {
        OrderFacts(state: state, offeringType: type, canApproveAsConsumer: consumer, canApproveAsProvider: provider, isCreator: creator)
    }

    @Test func approvePicksTheSideFromTheState() {
        #expect(check(.approve, facts(.pendingConsumer, consumer: true)).endpoint == .approveByConsumer)
        #expect(check(.approve, facts(.pendingConsumer, consumer: true)).resultingState == "pending-provider")
        #expect(check(.approve, facts(.pendingConsumer, "Marketplace.Remote", consumer: true)).resultingState == "executing")
        #expect(check(.approve, facts(.pendingProvider, provider: true)).endpoint == .approveByProvider)
        #expect(check(.approve, facts(.pendingProvider, provider: true)).resultingState == "executing")
        #expect(check(.approve, facts(.executing, provider: true)).reason == "only pending-consumer or pending-provider orders can be approved; this one is executing")
    }

    @Test func approveNeedsTheCanApproveKnowledgeOrStaff() {
        #expect(!check(.approve, facts(.pendingProvider, consumer: true)).isAvailable)
        #expect(check(.approve, facts(.pendingProvider, consumer: true)).reason?.contains("can_approve_as_provider") == true)
        #expect(!check(.approve, facts(.pendingConsumer, provider: true)).isAvailable)
        #expect(check(.approve, facts(.pendingConsumer), staff).endpoint == .approveByConsumer)
    }

    @Test func rejectSides() {
        #expect(check(.reject, facts(.pendingConsumer, creator: true)).endpoint == .rejectByConsumer)
        #expect(check(.reject, facts(.pendingProvider, provider: true)).endpoint == .rejectByProvider)
        #expect(!check(.reject, facts(.pendingProvider, creator: true)).isAvailable)
        #expect(check(.reject, facts(.done)).reason?.hasSuffix("this one is done") == true)
    }

    @Test func cancelOnlyBasicOrSupportInThreeStates() {
        for s in [OrderState.pendingConsumer, .pendingProvider, .executing] {
            #expect(check(.cancel, facts(s)).endpoint == .cancel)
            #expect(check(.cancel, facts(s, "Support.OfferingTemplate")).isAvailable)
            #expect(check(.cancel, facts(s, "Marketplace.Slurm")).reason?.contains("basic or support") == true)
        }
        #expect(check(.cancel, facts(.done)).reason == "only pending-consumer, pending-provider or executing orders can be canceled; this one is done")
    }

    @Test func remoteSlurmStateActions() {
        for s in [OrderState.pendingConsumer, .pendingProvider, .erred] {
            #expect(check(.setStateExecuting, facts(s, "Marketplace.Slurm")).isAvailable)
            #expect(check(.setStateExecuting, facts(s, "Marketplace.Remote")).isAvailable)
            #expect(!check(.setStateExecuting, facts(s, "Marketplace.Basic")).isAvailable)
        }
        #expect(!check(.setStateExecuting, facts(.done, "Marketplace.Slurm")).isAvailable)
        #expect(check(.setStateErred, facts(.done, "Marketplace.Slurm")).isAvailable)
        #expect(!check(.setStateErred, facts(.executing, "Marketplace.Basic")).isAvailable)
        #expect(check(.setStateDone, facts(.executing)).isAvailable)
        #expect(check(.setStateDone, facts(.erred)).reason == "only executing orders can be set done; this one is erred")
    }

    @Test func backendIDUnlinkDelete() {
        #expect(check(.setBackendID, facts(.done)).isAvailable)
        #expect(check(.unlink, facts(.done)).reason == "only staff can unlink orders")
        #expect(check(.unlink, facts(.done), staff).isAvailable)
        #expect(check(.delete, facts(.pendingProvider)).isAvailable)
        #expect(!check(.delete, facts(.executing)).isAvailable)
    }

    @Test func readOnlyRefusesEveryActionWithTheReason() {
        let ro = StoreConfiguration(readOnly: true, isStaff: true)
        for a in OrderAction.allCases {
            let r = check(a, facts(.pendingConsumer, "Marketplace.Slurm", consumer: true), ro)
            #expect(!r.isAvailable)
            #expect(r.reason == "read-only mode: \(a.title) is disabled")
        }
    }

    @Test func unknownStateIsNeverActionable() {
        for a in OrderAction.allCases {
            #expect(!check(a, facts(.unknown("pending-\u{1b}x")), staff).isAvailable)
        }
    }

    @Test func inputsOfActions() {
        #expect(OrderAction.setStateErred.input?.isRequired == true)
        #expect(OrderAction.setBackendID.input?.isRequired == true)
        #expect(OrderAction.reject.input?.isRequired == false)
        #expect(OrderAction.approve.input == nil)
    }
}
