import Foundation
import WaldurClient

/// The confirmation step of an action: what will happen to which orders, what is at stake (per side, cost), the
/// texts to type, what is skipped and which targets are marked but not in the current view.
public struct ActionConfirmation: Sendable, Equatable {
    public var action: OrderAction
    /// One call per eligible order.
    public var calls: [ActionCall]
    /// Targets the action does not apply to, with the reason.
    public var skipped: [SkippedOrder]
    /// "approve 3 orders as provider → executing".
    public var summary: String
    /// The text fields, in order (empty when the action takes no text).
    public var fields: [ActionInput]
    /// What the user typed in each field (same order as `fields`).
    public var texts: [String]
    /// Targets (called or skipped) that are marked but not in the current view: the dialog lists them apart.
    public var hidden: Set<WaldurUUID> = []
    /// The sum of the called orders' costs (nil when none has a cost), and how many orders have one.
    public var totalCost: Decimal?
    public var costedCount = 0
    /// Facts the reviewer must read before confirming (what the server replaces, what it keeps).
    public var notes: [String] = []

    public init(action: OrderAction, calls: [ActionCall], skipped: [SkippedOrder], summary: String,
                fields: [ActionInput], texts: [String]? = nil) {
        self.action = action
        self.calls = calls
        self.skipped = skipped
        self.summary = summary
        self.fields = fields
        self.texts = texts ?? Array(repeating: "", count: fields.count)
    }

    /// The first text field, when the API takes a text.
    public var input: ActionInput? { fields.first }
    /// What the user typed in the first field.
    public var text: String { texts.first ?? "" }

    /// Confirm is possible (every required text is present).
    public var canConfirm: Bool {
        !calls.isEmpty && !zip(fields, texts).contains { $0.isRequired && $1.trimmingCharacters(in: .whitespaces).isEmpty }
    }

    /// The first required field that is still empty.
    public var missingField: ActionInput? {
        zip(fields, texts).first { $0.isRequired && $1.trimmingCharacters(in: .whitespaces).isEmpty }?.0
    }

    /// Calls per side: ("consumer", 2), ("provider", 1); calls without a side are under nil.
    public var callsPerSide: [(side: String?, count: Int)] {
        var result: [(side: String?, count: Int)] = []
        for c in calls {
            if let k = result.firstIndex(where: { $0.side == c.endpoint.side }) { result[k].count += 1 } else { result.append((c.endpoint.side, 1)) }
        }
        return result
    }
}
