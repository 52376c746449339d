import WaldurClient

/// The one table from an action to the wire. Each user-level action has one row: its title (menus, confirmations,
/// audit), the texts its dialog asks for, and the endpoints it may call; each endpoint has one row: the API call
/// (`OrderOperation`: wire name, method, audit name), the side it acts for, whether it removes the order, and how
/// its body is built from the typed texts. The rule that decides which endpoint applies to an order is
/// `ActionRules.availability`. Adding an action: a row here, a rule there, a key binding, tests.
public enum ActionTable {
    /// One user-level action.
    public struct ActionRow: Sendable {
        public let title: String
        public let inputs: [ActionInput]
        public let endpoints: [ActionEndpoint]
    }

    /// One endpoint an action calls.
    public struct EndpointRow: Sendable {
        public let operation: OrderOperation
        /// "consumer" / "provider" for approve and reject.
        public let side: String?
        public let removesOrder: Bool
        /// The JSON body from the call's typed texts (nil: no body).
        public let body: @Sendable (ActionCall) -> JSONValue?
    }

    public static func row(_ action: OrderAction) -> ActionRow {
        switch action {
        case .approve: return ActionRow(title: "approve", inputs: [], endpoints: [.approveByConsumer, .approveByProvider])
        case .reject:
            return ActionRow(title: "reject", inputs: [ActionInput(prompt: "rejection comment to the consumer (optional)", isRequired: false)],
                             endpoints: [.rejectByConsumer, .rejectByProvider])
        case .cancel: return ActionRow(title: "cancel", inputs: [], endpoints: [.cancel])
        case .setStateExecuting: return ActionRow(title: "set executing", inputs: [], endpoints: [.setStateExecuting])
        case .setStateDone: return ActionRow(title: "set done", inputs: [], endpoints: [.setStateDone])
        case .setStateErred:
            return ActionRow(title: "set erred", inputs: [ActionInput(prompt: "error message", isRequired: true),
                                                          ActionInput(prompt: "error traceback (optional)", isRequired: false)],
                             endpoints: [.setStateErred])
        case .setBackendID:
            return ActionRow(title: "set backend id", inputs: [ActionInput(prompt: "backend id", isRequired: true)], endpoints: [.setBackendID])
        case .unlink: return ActionRow(title: "unlink", inputs: [], endpoints: [.unlink])
        case .delete: return ActionRow(title: "delete", inputs: [], endpoints: [.delete])
        }
    }

    public static func row(_ endpoint: ActionEndpoint) -> EndpointRow {
        switch endpoint {
        case .approveByConsumer: return EndpointRow(operation: .approveByConsumer, side: "consumer", removesOrder: false) { _ in nil }
        case .approveByProvider:
            return EndpointRow(operation: .approveByProvider, side: "provider", removesOrder: false) { call in
                call.attributes.map { .object([("attributes", $0)]) }
            }
        case .rejectByConsumer: return EndpointRow(operation: .rejectByConsumer, side: "consumer", removesOrder: false) { _ in nil }
        case .rejectByProvider:
            return EndpointRow(operation: .rejectByProvider, side: "provider", removesOrder: false) { call in
                call.text.map { .object([("provider_rejection_comment", .string($0))]) }
            }
        case .cancel: return EndpointRow(operation: .cancel, side: nil, removesOrder: false) { _ in nil }
        case .setStateExecuting: return EndpointRow(operation: .setStateExecuting, side: nil, removesOrder: false) { _ in nil }
        case .setStateDone: return EndpointRow(operation: .setStateDone, side: nil, removesOrder: false) { _ in nil }
        case .setStateErred:
            // Both fields are always sent (older servers fail without one).
            return EndpointRow(operation: .setStateErred, side: nil, removesOrder: false) { call in
                .object([("error_message", .string(call.text ?? "")), ("error_traceback", .string(call.traceback ?? ""))])
            }
        case .setBackendID:
            return EndpointRow(operation: .setBackendID, side: nil, removesOrder: false) { call in
                .object([("backend_id", .string(call.text ?? ""))])
            }
        case .unlink: return EndpointRow(operation: .unlink, side: nil, removesOrder: true) { _ in nil }
        case .delete: return EndpointRow(operation: .delete, side: nil, removesOrder: true) { _ in nil }
        }
    }
}
