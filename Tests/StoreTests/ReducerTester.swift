import Foundation
import Testing
import WaldurClient
@testable import OrderStore

/// Sends actions through the pure reducer and checks the whole state after each, in the spirit of TCA's `TestStore`:
/// the test states the change it expects, and any change it did not state fails the test (naming the fields).
struct ReducerTester {
    private(set) var state: AppState

    init(_ state: AppState) { self.state = state }

    /// Reduces `action`; `expected` applies the change the test expects to a copy of the state before. Answers the effects.
    @discardableResult
    mutating func send(_ action: AppAction, sourceLocation: SourceLocation = #_sourceLocation,
                       _ expected: (inout AppState) -> Void = { _ in }) -> [Effect] {
        var wanted = state
        expected(&wanted)
        let effects = reduce(&state, action)
        if state != wanted {
            Issue.record("\(action) changed what the test did not state: \(ReducerTester.differences(wanted, state).joined(separator: "; "))",
                         sourceLocation: sourceLocation)
        }
        return effects
    }

    /// The names of the top-level fields that differ, with both values (shortened).
    static func differences(_ a: AppState, _ b: AppState) -> [String] {
        let left = Mirror(reflecting: a).children
        let right = Array(Mirror(reflecting: b).children)
        var out: [String] = []
        for (i, child) in left.enumerated() where i < right.count {
            let x = String(describing: child.value), y = String(describing: right[i].value)
            if x != y { out.append("\(child.label ?? "?"): expected \(x.prefix(160)), got \(y.prefix(160))") }
        }
        return out.isEmpty ? ["(a difference String(describing:) does not show)"] : out
    }
}
