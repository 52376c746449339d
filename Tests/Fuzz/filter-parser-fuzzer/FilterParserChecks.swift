import Foundation
import FuzzSupport
import OrderStore
import WaldurClient

/// The invariants the filter fuzzer checks for one input. The input is a filter line, or several lines: the first is
/// typed character by character, each further line replaces the text (an edit), and the last then loses up to 8
/// characters to backspace. After every step the store (which narrows and caches incrementally) must show exactly what a fresh
/// store shows for the same text.
enum FilterParserChecks {
    static let maximumSteps = 48

    static func run(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard bytes.count <= 256 else { return }
        let input = String(decoding: bytes, as: UTF8.self)
        var lines = input.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.count > 6 { lines = Array(lines.prefix(6)) }
        for line in lines { checkParse(line) }

        var texts: [String] = []
        if let first = lines.first {
            var typed = ""
            for c in first { typed.append(c); texts.append(typed) }
        }
        texts += lines.dropFirst()
        if var last = texts.last {
            for _ in 0..<min(8, last.count) { last.removeLast(); texts.append(last) }
        }
        if texts.count > maximumSteps { texts = Array(texts.prefix(maximumSteps / 2) + texts.suffix(maximumSteps / 2)) }

        let base = FuzzOrders.loadedState
        let queue = bytes.isEmpty ? 0 : Int(bytes[0]) % base.queues.count
        var live = base
        _ = reduce(&live, .selectQueue(queue))
        var fresh0 = base
        _ = reduce(&fresh0, .selectQueue(queue))
        // An unparsable line keeps the last good filter: compare with a fresh store given that one.
        var lastGood = ""
        for (step, text) in texts.enumerated() {
            _ = reduce(&live, .setFilterText(text))
            if case .success = parseFilter(text) { lastGood = text }
            var fresh = fresh0
            _ = reduce(&fresh, .setFilterText(lastGood))
            // Counts every step; the rows themselves (costly to build) every fourth step and at the end.
            compare(live, fresh, text, lastGood: lastGood, rows: step % 4 == 3 || step == texts.count - 1)
        }
        exerciseView(live)
        if let line = lines.first { checkComplement(line, base: fresh0) }
    }

    /// The parser never traps, is deterministic, reports positions inside the line, and yields server queries that
    /// are plain percent-encoded ASCII.
    static func checkParse(_ text: String) {
        let result = parseFilter(text)
        switch result {
        case let .success(expression):
            guard case let .success(again) = parseFilter(text), again == expression else { fatalError("parse is not deterministic for \(debug(text))") }
            fuzzRequire(expression.terms.count <= text.count, "more terms than characters in \(debug(text))")
            var query = OrderListQuery()
            expression.apply(to: &query, now: FuzzOrders.now)
            let qs = query.queryString
            fuzzRequire(qs.utf8.allSatisfy { isQueryByte($0) }, "query string has raw bytes: \(qs.prefix(200)) for \(debug(text))")
            for state in query.state { fuzzRequire(OrderState.known.contains(state), "unknown state \(state) sent to the server") }
            _ = expression.dependsOnTime
        case let .failure(error):
            fuzzRequire(error.position >= 0 && error.position <= text.count, "error position \(error.position) outside \(debug(text))")
            fuzzRequire(!error.message.isEmpty, "empty error message for \(debug(text))")
            guard case let .failure(again) = parseFilter(text), again == error else { fatalError("parse is not deterministic for \(debug(text))") }
        }
    }

    static func isQueryByte(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x2D || b == 0x2E || b == 0x5F
            || b == 0x7E || b == 0x25 || b == 0x26 || b == 0x3D
    }

    /// What the list shows: the same rows in the same order, the same counts per tab, the same parse state.
    static func compare(_ live: AppState, _ fresh: AppState, _ text: String, lastGood: String, rows: Bool) {
        fuzzRequire(live.filterText == text, "filter text is not the typed text")
        switch parseFilter(text) {
        case .success: fuzzRequire(live.filterError == nil, "filter error \(String(describing: live.filterError)) for \(debug(text))")
        case let .failure(error): fuzzRequire(live.filterError == error, "filterError is not the parse error for \(debug(text))")
        }
        fuzzRequire(live.appliedFilter == fresh.appliedFilter, "applied filter differs for \(debug(text)) (last good \(debug(lastGood)))")
        fuzzRequire(live.queueCounts == fresh.queueCounts,
                    "queue counts \(live.queueCounts) after editing, \(fresh.queueCounts) fresh, for \(debug(text))")
        fuzzRequire(live.visibleCount == fresh.visibleCount,
                    "\(live.visibleCount) rows after editing, \(fresh.visibleCount) fresh, for \(debug(text))")
        if rows {
            let a = live.visibleRows(0..<live.visibleCount).map(\.uuid.raw)
            let b = fresh.visibleRows(0..<fresh.visibleCount).map(\.uuid.raw)
            fuzzRequire(a == b, "rows \(a) after editing, \(b) fresh, for \(debug(text))")
        }
        let all = live.queues.firstIndex { $0.kind == .all } ?? 0
        for (i, count) in live.queueCounts.enumerated() where i != all {
            fuzzRequire(count <= live.queueCounts[all], "tab \(i) counts \(count) of \(live.queueCounts[all]) for \(debug(text))")
        }
    }

    /// A single term and its negation split the rows: count(t) + count(-t) == count(everything).
    static func checkComplement(_ line: String, base: AppState) {
        // Trimmed as the tokenizer sees it (Character.isWhitespace: also vertical tabs, line separators…).
        var cut = Substring(line)
        while cut.first?.isWhitespace == true { cut.removeFirst() }
        while cut.last?.isWhitespace == true { cut.removeLast() }
        let trimmed = String(cut)
        guard case let .success(expression) = parseFilter(trimmed), expression.terms.count == 1, let term = expression.terms.first,
              !term.negated, !trimmed.hasPrefix("-"), !trimmed.hasPrefix("!"),
              // The parser reads characters: a leading combining mark or joiner glues onto the `-` (no negation then).
              ("-" + trimmed).first == "-" else { return }
        guard case let .success(negatedExpression) = parseFilter("-" + trimmed) else {
            fatalError("\(debug(trimmed)) parses but its negation does not")
        }
        fuzzRequire(negatedExpression.terms == [FilterTerm(negated: true, term.predicate)],
                    "negation of \(debug(trimmed)) parses as \(negatedExpression)")
        var positive = base, negative = base, none = base
        _ = reduce(&positive, .setFilterText(trimmed))
        _ = reduce(&negative, .setFilterText("-" + trimmed))
        _ = reduce(&none, .setFilterText(""))
        for i in none.queueCounts.indices {
            fuzzRequire(positive.queueCounts[i] + negative.queueCounts[i] == none.queueCounts[i],
                        "tab \(i): \(positive.queueCounts[i]) match \(debug(trimmed)), \(negative.queueCounts[i]) its negation, of \(none.queueCounts[i])")
        }
    }

    /// Drawing data for every visible row and the detail pane must not trap.
    static func exerciseView(_ state: AppState) {
        var state = state
        for row in state.visibleRows(0..<state.visibleCount) {
            for key in SortKey.allCases { _ = row.text(for: key) }
        }
        _ = reduce(&state, .selectRow(0))
        _ = state.detail
        _ = state.statusLine
    }

    static func debug(_ text: String) -> String { "“" + text.unicodeScalars.map { $0.escaped(asASCII: true) }.joined() + "”" }
}
