import Foundation
import Testing
import WaldurClient
@testable import OrderStore

/// The one table from an action to the wire: every action and endpoint has a row, and the rows agree with the API.
@Suite struct ActionTableTests {
    @Test("every action names its endpoints, and every endpoint belongs to exactly one action")
    func actionsCoverEndpoints() {
        let listed = OrderAction.allCases.flatMap(\.endpoints)
        #expect(Set(listed) == Set(ActionEndpoint.allCases))
        #expect(listed.count == ActionEndpoint.allCases.count, "no endpoint in two actions")
        #expect(Set(OrderAction.allCases.map(\.title)).count == OrderAction.allCases.count)
    }

    @Test("each endpoint's wire name, side and body, as the API reference spells them")
    func endpointRows() {
        let u = uuid(1)
        let expected: [ActionEndpoint: (String, String?)] = [
            .approveByConsumer: ("approve_by_consumer", "consumer"), .approveByProvider: ("approve_by_provider", "provider"),
            .rejectByConsumer: ("reject_by_consumer", "consumer"), .rejectByProvider: ("reject_by_provider", "provider"),
            .cancel: ("cancel", nil), .setStateExecuting: ("set_state_executing", nil), .setStateDone: ("set_state_done", nil),
            .setStateErred: ("set_state_erred", nil), .setBackendID: ("set_backend_id", nil), .unlink: ("unlink", nil), .delete: ("delete", nil),
        ]
        for endpoint in ActionEndpoint.allCases {
            #expect(endpoint.wirePath == expected[endpoint]?.0, "\(endpoint)")
            #expect(endpoint.side == expected[endpoint]?.1, "\(endpoint)")
            #expect(endpoint.removesOrder == (endpoint == .unlink || endpoint == .delete))
        }
        #expect(ActionEndpoint.delete.operation.method == "DELETE" && ActionEndpoint.delete.operation.pathSegment == nil)
        func body(_ call: ActionCall) -> String? { ActionTable.row(call.endpoint).body(call).map(JSONWriter.string) }
        #expect(body(ActionCall(.rejectByProvider, u, text: "no budget")) == #"{"provider_rejection_comment":"no budget"}"#)
        #expect(body(ActionCall(.rejectByProvider, u)) == nil)
        #expect(body(ActionCall(.setStateErred, u, text: "down")) == #"{"error_message":"down","error_traceback":""}"#)
        #expect(body(ActionCall(.setStateErred, u, text: "down", traceback: "tb")) == #"{"error_message":"down","error_traceback":"tb"}"#)
        #expect(body(ActionCall(.setBackendID, u, text: "vm-42")) == #"{"backend_id":"vm-42"}"#)
        for endpoint in [ActionEndpoint.approveByConsumer, .approveByProvider, .rejectByConsumer, .cancel, .setStateExecuting, .setStateDone, .unlink, .delete] {
            #expect(body(ActionCall(endpoint, u, text: "ignored")) == nil, "\(endpoint) sends no body")
        }
    }
}
