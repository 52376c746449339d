import Testing
@testable import WaldurClient

@Suite struct JSONTests {
    @Test(arguments: [
        #"{"b":1,"a":[true,false,null,"x"],"n":-0.0e+10,"big":123456789012345678901234567890.5}"#,
        #"[]"#, #"{}"#, #""\u00e9\n\"""#, #"[1e400,0.1]"#,
    ])
    func roundTripsExactly(text: String) throws {
        let value = try JSONParser.parse(text)
        #expect(try JSONParser.parse(JSONWriter.string(value)) == value)
    }

    @Test func keepsKeyOrderAndDigits() throws {
        let text = #"{"z":1.50,"a":2,"m":{"y":"1e3"}}"#
        #expect(JSONWriter.string(try JSONParser.parse(text)) == text)
    }

    @Test func decodesEscapesAndSurrogates() throws {
        #expect(try JSONParser.parse(#""\ud83d\ude00 \u65e5 \t""#) == .string("😀 日 \t"))
        #expect(try JSONParser.parse(#""\ud83d x""#) == .string("\u{FFFD} x"))
        #expect(JSONWriter.string(.string("\u{1B}[31m\u{0}\u{85}")) == #""\u001b[31m\u0000\u0085""#)
    }

    @Test(arguments: [
        ("", 0), ("{", 1), (#"{"a" 1}"#, 5), ("[1,]", 3), ("01", 1), ("tru", 0), (#""abc"#, 4), ("[1] x", 4), ("\"a\u{1}\"", 2), ("-", 1), ("1.", 2),
    ])
    func reportsWhereTheSyntaxBreaks(text: String, offset: Int) {
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(text) }
        do { _ = try JSONParser.parse(text) } catch { #expect(error.offset == offset, "\(text): \(error)") }
    }

    @Test func refusesHostileNesting() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(deep) }
        let ok = String(repeating: "[", count: 500) + String(repeating: "]", count: 500)
        #expect((try? JSONParser.parse(ok)) != nil)
    }

    @Test func lookupTakesTheLastDuplicate() throws {
        let value = try JSONParser.parse(#"{"a":1,"a":2}"#)
        #expect(value["a"] == 2)
        #expect(value["missing"] == nil)
        #expect(value[0] == nil)
    }
}
