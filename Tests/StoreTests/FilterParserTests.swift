import Foundation
import Testing
import WaldurClient
@testable import OrderStore

@Suite struct FilterParserTests {
    func parse(_ s: String) throws -> FilterExpression { try parseFilter(s).get() }

    @Test func freeWordsAreFoldedAndAnded() throws {
        let e = try parse("Ćlient  VM")
        #expect(e.terms == [FilterTerm(.text("client")), FilterTerm(.text("vm"))])
    }

    @Test func keyedTerms() throws {
        let e = try parse("state:erred type:update offering:Basic project:\"Project A2\" customer:Org provider:Prov by:carol")
        #expect(e.terms.map(\.predicate) == [
            .state([.erred]), .type([.update]), .field(.offering, "basic"), .field(.project, "project a2"),
            .field(.customer, "org"), .field(.provider, "prov"), .field(.by, "carol"),
        ])
    }

    @Test func statePrefixesAndLists() throws {
        #expect(try parse("state:pending").terms[0].predicate == .state([.pendingConsumer, .pendingProvider, .pendingProject, .pendingStartDate]))
        #expect(try parse("state:erred,done").terms[0].predicate == .state([.erred, .done]))
        #expect(try parse("state:closed").terms[0].predicate == .state([.rejected, .canceled]))
    }

    @Test func costComparisonsAreDecimal() throws {
        #expect(try parse("cost>100").terms[0].predicate == .cost(.gt, Decimal(100)))
        #expect(try parse("cost<=5.5").terms[0].predicate == .cost(.le, Decimal(string: "5.5") ?? 0))
        #expect(try parse("cost>=0.1").terms[0].predicate == .cost(.ge, Decimal(string: "0.1") ?? 0))
    }

    @Test func timeTerms() throws {
        #expect(try parse("age<2h").terms[0].predicate == .created(.lt, .ago(7200)))
        #expect(try parse("modified<30m").terms[0].predicate == .modified(.lt, .ago(1800)))
        let day = try #require(WaldurDate.parse("2026-11-01"))
        #expect(try parse("created>2026-11-01").terms[0].predicate == .created(.gt, .date(day)))
    }

    @Test func negation() throws {
        #expect(try parse("-state:done").terms == [FilterTerm(negated: true, .state([.done]))])
        #expect(try parse("!vm").terms == [FilterTerm(negated: true, .text("vm"))])
    }

    @Test func quotedFreeWords() throws {
        #expect(try parse("\"Project A2\"").terms == [FilterTerm(.text("project a2"))])
        #expect(try parse("-\"a b\"").terms == [FilterTerm(negated: true, .text("a b"))])
    }

    @Test(arguments: ["state:", "state:bogus", "cost>", "cost>abc", "age<2", "age<", "created>yesterday", "-", "!", "\"unclosed",
                      "type:nothing", "foo:bar", "state>erred", "created:2026-11-01"])
    func invalidInputsAreErrors(_ text: String) {
        guard case let .failure(error) = parseFilter(text) else {
            Issue.record("\(text) parsed")
            return
        }
        #expect(!error.message.isEmpty)
    }

    @Test func emptyLineIsEmptyFilter() throws {
        #expect(try parse("").isEmpty)
        #expect(try parse("   ").isEmpty)
    }

    @Test func hostileInputDoesNotTrap() {
        for text in ["\u{1b}[2J", "\"\"", "::::", "-\"\"", "cost>=", "<>", "state:,", "a\u{0}b", "é:x", String(repeating: "\"a\" ", count: 100)] {
            _ = parseFilter(text)
        }
    }

    @Test func serverQueryFromPositiveTerms() throws {
        let e = try parse("state:erred,executing type:update project:9e3500e1b9734a418acd8efd895031e3 modified<30m -state:done")
        var q = OrderListQuery()
        e.apply(to: &q, now: testNow)
        #expect(q.state == [.executing, .erred])
        #expect(q.type == [.update])
        #expect(q.projectUUID == WaldurUUID("9e3500e1b9734a418acd8efd895031e3"))
        #expect(q.modified == testNow.addingTimeInterval(-1800))
        #expect(q.created == nil)
    }

    @Test func serverQueryForNamesAndDates() throws {
        var q = OrderListQuery()
        try parse("project:\"Project A2\" created>2026-11-01 vm").apply(to: &q, now: testNow)
        #expect(q.query == "project a2")
        #expect(q.created == WaldurDate.parse("2026-11-01"))
        var q2 = OrderListQuery()
        try parse("4278138285d74be296b375f7095bbd01").apply(to: &q2, now: testNow)
        #expect(q2.query == "4278138285d74be296b375f7095bbd01")
        var q3 = OrderListQuery()
        try parse("-project:x offering:basic").apply(to: &q3, now: testNow)
        #expect(q3.query == nil)
    }

    @Test func narrowingDetection() throws {
        #expect(try parse("vmx").narrows(parse("vm")))
        #expect(try parse("vm state:erred").narrows(parse("vm")))
        #expect(try !parse("v").narrows(parse("vm")))
        #expect(try !parse("-vmx").narrows(parse("-vm")))
        #expect(try !parse("age<2h").narrows(parse("")))
    }
}

@Suite struct FilterOperatorSpacingTests {
    func parse(_ s: String) throws -> FilterExpression { try parseFilter(s).get() }

    @Test func spacesAroundAnOperatorParseLikeNone() throws {
        let tight = try parse("cost>100")
        #expect(try parse("cost > 100") == tight)
        #expect(try parse("cost >100") == tight)
        #expect(try parse("cost> 100") == tight)
        #expect(try parse("cost >= 5.5").terms == [FilterTerm(.cost(.ge, Decimal(string: "5.5") ?? 0))])
        #expect(try parse("state: erred  age < 2h").terms.map(\.predicate) == [.state([.erred]), .created(.lt, .ago(7200))])
        #expect(try parse("-cost > 100").terms == [FilterTerm(negated: true, .cost(.gt, Decimal(100)))])
        #expect(try parse("offering: \"Basic VM\"").terms.map(\.predicate) == [.field(.offering, "basic vm")])
    }

    @Test func freeWordsNextToOperatorsStayWords() throws {
        // Only a known key joins its neighbours: "vm > x" stays three terms.
        #expect(try parse("vm > x").terms.count == 3)
        #expect(try parse("cost vm").terms.map(\.predicate) == [.text("cost"), .text("vm")])
    }

    @Test func aDanglingOperatorStillSaysWhatIsMissing() {
        guard case let .failure(error) = parseFilter("cost >") else {
            Issue.record("cost > parsed")
            return
        }
        #expect(error.message.contains("needs a value"))
    }
}
