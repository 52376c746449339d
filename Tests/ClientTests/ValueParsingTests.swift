import Foundation
import Testing
@testable import WaldurClient

@Suite struct ValueParsingTests {
    @Test(arguments: [
        ("9.0000000000", "9"), ("7.2", "7.2"), ("123456789.123456", "123456789.123456"), ("-0.5", "-0.5"), ("1e3", "1000"), ("0", "0"),
        ("99999999999999999999.99", "99999999999999999999.99"),
    ])
    func moneyKeepsValueAndText(text: String, value: String) throws {
        let money = try #require(Money(text: text))
        #expect(money.text == text)
        #expect(money.value == Decimal(string: value))
    }

    @Test(arguments: ["", "abc", "1.2.3", "1e", "--1", "0x10", "NaN", "Infinity", "1 000", "1e99999"])
    func moneyRefusesWhatIsNotADecimal(text: String) {
        #expect(Money(text: text) == nil)
    }

    @Test func moneyIsNeverRoundedThroughDouble() throws {
        // 0.1 + 0.2 is 0.30000000000000004 in binary floating point, exactly 0.3 in Decimal.
        let a = try #require(Money(text: "0.1", wasNumber: true))
        let b = try #require(Money(text: "0.2", wasNumber: true))
        #expect(a.value + b.value == Decimal(string: "0.3"))
        #expect(try #require(Money(text: "1234.565")).formatted(places: 2) == "1234.57")
        #expect(try #require(Money(text: "9.0000000000")).formatted() == "9.00")
        #expect(try #require(Money(text: "0.5")).formatted(places: 0) == "1")
    }

    @Test(arguments: [
        ("2026-11-26T09:15:02.123456Z", "2026-11-26T09:15:02.123456Z"),
        ("2026-11-26T09:15:02Z", "2026-11-26T09:15:02.000000Z"),
        ("2026-11-26T10:15:02+01:00", "2026-11-26T09:15:02.000000Z"),
        ("2026-11-26T04:45:02.5-0430", "2026-11-26T09:15:02.500000Z"),
        ("2026-11-26T09:15:02.123456789+00:00", "2026-11-26T09:15:02.123457Z"),
        ("2026-11-26 09:15", "2026-11-26T09:15:00.000000Z"),
        ("2026-11-26", "2026-11-26T00:00:00.000000Z"),
        ("2024-02-29T23:59:59Z", "2024-02-29T23:59:59.000000Z"),
        ("1999-12-31T23:00:00-01:00", "2000-01-01T00:00:00.000000Z"),
    ])
    func timestampsInTheirForms(text: String, utc: String) throws {
        let date = try #require(WaldurDate.parse(text))
        #expect(WaldurDate.format(date) == utc)
    }

    @Test(arguments: ["2026-13-01", "2026-02-30", "26-11-26", "2026-11-26T25:00:00Z", "2026-11-26T09:15:02Zjunk", "yesterday", ""])
    func badTimestampsAreRefused(text: String) {
        #expect(WaldurDate.parse(text) == nil)
    }

    @Test func retryAfterReadsSecondsAndDates() throws {
        #expect(RetryAfter.seconds("3") == 3)
        #expect(RetryAfter.seconds(" 0 ") == 0)
        #expect(RetryAfter.seconds("soon") == nil)
        let now = try #require(WaldurDate.parse("2015-10-21T07:28:00Z"))
        #expect(RetryAfter.seconds("Wed, 21 Oct 2015 07:28:05 GMT", now: now) == 5)
    }

    @Test func tokensPickTheirScheme() {
        #expect(APIToken("abc123").authorizationHeader == "Token abc123")
        #expect(APIToken("w_1700000000_abcdef").authorizationHeader == "Bearer w_1700000000_abcdef")
        #expect(APIToken(" abc\n").secret == "abc")
        #expect(!"\(APIToken("s3cr3t"))".contains("s3cr3t"))
        #expect(!String(reflecting: APIToken("s3cr3t")).contains("s3cr3t"))
    }

    @Test func retryDelaysGrowAndAreCapped() {
        let policy = RetryPolicy(maxRetries: 5, baseDelay: 1, maxDelay: 4)
        #expect(policy.delay(forAttempt: 1, random: 1) == 1)
        #expect(policy.delay(forAttempt: 2, random: 1) == 2)
        #expect(policy.delay(forAttempt: 3, random: 0) == 2)
        #expect(policy.delay(forAttempt: 9, random: 1) == 4)
    }
}
