import Foundation
import Testing
import WaldurClient
@testable import OrderStore

/// Inputs the filter fuzzer (Tests/Fuzz/filter-parser-fuzzer) found: the store, which narrows the previous result and caches
/// results while the filter line is edited, showed other rows than a fresh store given the same text.
@Suite struct FuzzRegressionTests {
    func order(_ raw: String, project: String) -> Order {
        var o = makeOrder(1, project: project, resource: "r")
        o.uuid = WaldurUUID(raw)
        return o
    }

    func uuids(_ state: AppState) -> [String] { state.visibleRows(0..<state.visibleCount).map(\.uuid.hex) }

    /// The rows shown after typing or editing `texts` in turn, and those of a fresh store given only the last text.
    func afterEditing(_ orders: [Order], _ texts: [String]) -> (edited: [String], fresh: [String]) {
        let base = loadedState(orders)
        var edited = base
        _ = reduce(&edited, .selectQueue(base.queueIndex("All")))
        var fresh = edited
        for text in texts { _ = reduce(&edited, .setFilterText(text)) }
        _ = reduce(&fresh, .setFilterText(texts.last ?? ""))
        return (uuids(edited), uuids(fresh))
    }

    /// Typing a project uuid: the text with hyphens matched by containment until it became a full uuid, which
    /// matches the project uuid; narrowing the earlier result lost the orders of that project.
    @Test func typingAFullUUIDInAFieldDoesNotNarrow() {
        let projectUUID = "3c6e0b8a-9c0c-4a3b-8d1e-5f2a7b9c1d2e"
        var inProject = order(hex(1), project: "Alpha")
        inProject.projectUUID = WaldurUUID(projectUUID)
        let other = order(hex(2), project: "Beta")
        let typed = (1...("project:" + projectUUID).count).map { String(("project:" + projectUUID).prefix($0)) }
        let (edited, fresh) = afterEditing([inProject, other], typed)
        #expect(fresh == [hex(1)])
        #expect(edited == fresh)
    }

    /// Editing `12` into `012`: names match by containment but uuids by prefix, so the longer text is not a narrowing.
    @Test func insertingBeforeAWordDoesNotNarrow() {
        let byPrefix = order("0123abcd000000000000000000000001", project: "Alpha")
        let byName = order("ffffffff000000000000000000000002", project: "x12y")
        #expect(afterEditing([byPrefix, byName], ["1", "12"]).fresh == [byName.uuid.hex])
        let (edited, fresh) = afterEditing([byPrefix, byName], ["1", "12", "012"])
        #expect(fresh == [byPrefix.uuid.hex])
        #expect(edited == fresh)
    }

    /// A quoted `-` matches names only; `-0` is also a uuid prefix, so it does not narrow `-`.
    @Test func becomingAUUIDPrefixDoesNotNarrow() {
        let plain = order("0abc0000000000000000000000000001", project: "Alpha")
        let hyphenated = order("0def0000000000000000000000000002", project: "a-b")
        #expect(afterEditing([plain, hyphenated], [#""-""#]).fresh == [hyphenated.uuid.hex])
        let (edited, fresh) = afterEditing([plain, hyphenated], [#""-""#, #""-0""#])
        #expect(Set(fresh) == [plain.uuid.hex, hyphenated.uuid.hex])
        #expect(edited == fresh)
    }

    /// Hangul typed as conjoining jamo and as the precomposed syllable are equal Strings but different bytes: the
    /// filter was compared and cached as a String and matched as bytes, so the result depended on the typing history.
    @Test func canonicallyEquivalentTextsMatchTheSameRows() {
        let precomposed = order(hex(1), project: "가나다")
        let jamo = order(hex(2), project: "\u{1100}\u{1161}\u{1102}\u{1161}")
        let other = order(hex(3), project: "Alpha")
        #expect(TextFolding.fold("\u{AC00}") == TextFolding.fold("\u{1100}\u{1161}"))
        #expect(Array(TextFolding.fold("\u{AC00}").utf8) == Array(TextFolding.fold("\u{1100}\u{1161}").utf8))
        let (edited, fresh) = afterEditing([precomposed, jamo, other], ["\u{1100}\u{1161}", "\u{AC00}x", "\u{AC00}"])
        #expect(Set(fresh) == [hex(1), hex(2)])
        #expect(edited == fresh)
    }

    /// A term and its negation split the orders of every tab.
    @Test func aTermAndItsNegationSplitTheRows() {
        let orders = (1...12).map { makeOrder($0, state: $0 % 3 == 0 ? .done : .pendingConsumer, project: $0 % 2 == 0 ? "가나" : "école") }
        for text in ["ecole", "\u{1100}\u{1161}", "cost>5", "state:done", #""-""#] {
            var positive = loadedState(orders), negative = positive, none = positive
            _ = reduce(&positive, .setFilterText(text))
            _ = reduce(&negative, .setFilterText("-" + text))
            _ = reduce(&none, .setFilterText(""))
            #expect(zip(positive.queueCounts, negative.queueCounts).map { $0 + $1 } == none.queueCounts, "\(text)")
        }
    }
}
