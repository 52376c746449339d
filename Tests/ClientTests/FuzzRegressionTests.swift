import Foundation
import Testing
import WaldurClient

/// Inputs the order decoding fuzzer (Tests/Fuzz/order-decoding-fuzzer) found or checks, kept as regression tests.
@Suite struct FuzzRegressionTests {
    /// An offset that moves the instant before year 0000 or past 9999 used to be formatted as `00-1-12-31…` or
    /// `10000-…`, which `parse` refused: `Order(json: order.json)` then failed on a field that had decoded.
    @Test(arguments: [
        ("0000-01-01T00:00:00+01:00", "-0001-12-31T23:00:00.000000Z"),
        ("9999-12-31T23:59:59-01:00", "+10000-01-01T00:59:59.000000Z"),
    ])
    func datesOutsideFourDigitYearsRoundTrip(sent: String, formatted: String) throws {
        let order = try Order(json: JSONParser.parse(#"{"uuid":"a","created":"\#(sent)"}"#))
        let created = try #require(order.created)
        #expect(WaldurDate.format(created) == formatted)
        #expect(WaldurDate.parse(formatted) == created)
        let again = try Order(json: order.json)
        #expect(again.created == created)
        #expect(again.json == order.json)
        #expect(WaldurDate.formatDay(created) == String(formatted.prefix { $0 != "T" }))
    }

    @Test func fourDigitYearsKeepTheirForm() throws {
        let date = try #require(WaldurDate.parse("2026-11-26T09:15:02.123456Z"))
        #expect(WaldurDate.format(date) == "2026-11-26T09:15:02.123456Z")
        #expect(WaldurDate.formatDay(date) == "2026-11-26")
        // A sign is only read as an expanded year, never in the middle of a four-digit one.
        #expect(WaldurDate.parse("+2026-11-26") == WaldurDate.parse("2026-11-26"))
        #expect(WaldurDate.parse("2026-+1-26") == nil)
        #expect(WaldurDate.parse("-") == nil)
        #expect(WaldurDate.parse("+1234567-01-01") == nil)
    }

    /// The writer round trip the fuzzer checks for every parsed value, on the odd seeds it starts from.
    @Test(arguments: [
        #"{"a":[1,{"b":null}],"a":"dup","\u0000":"\ud83d\ude00\ud800x\u001b]0;t\u0007"}"#,
        #"[-0,1E+2,-0.5e-3,12345678901234567890.123,"\u2028\u0085\u007f"]"#,
    ])
    func writerRoundTrip(text: String) throws {
        let value = try JSONParser.parse(text)
        let written = JSONWriter.string(value)
        #expect(try JSONParser.parse(written) == value)
        #expect(JSONWriter.string(try JSONParser.parse(written)) == written)
    }
}
