import Foundation

/// Microseconds since 1970 in UTC: exact, compact, and formatted the way Waldur does.
enum Timestamp {
    /// The current time.
    static func now() -> Int64 { Int64((Date().timeIntervalSince1970 * 1_000_000).rounded()) }

    /// `2026-11-26T09:15:02.123456Z`.
    static func format(_ micros: Int64) -> String {
        let secs = micros >= 0 ? micros / 1_000_000 : (micros - 999_999) / 1_000_000
        let frac = micros - secs * 1_000_000
        let days = secs >= 0 ? secs / 86400 : (secs - 86399) / 86400
        let rem = secs - days * 86400
        let (y, m, d) = civil(Int(days))
        var out = [UInt8](repeating: 0, count: 27)
        func put(_ value: Int, _ at: Int, _ width: Int) {
            var v = value
            for k in stride(from: at + width - 1, through: at, by: -1) {
                out[k] = UInt8(48 + v % 10)
                v /= 10
            }
        }
        guard (0...9999).contains(y) else {
            return "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))T\(pad(Int(rem / 3600), 2)):\(pad(Int(rem % 3600 / 60), 2)):\(pad(Int(rem % 60), 2)).\(pad(Int(frac), 6))Z"
        }
        put(y, 0, 4); out[4] = 45; put(m, 5, 2); out[7] = 45; put(d, 8, 2); out[10] = 84
        put(Int(rem / 3600), 11, 2); out[13] = 58; put(Int(rem % 3600 / 60), 14, 2); out[16] = 58; put(Int(rem % 60), 17, 2)
        out[19] = 46; put(Int(frac), 20, 6); out[26] = 90
        return String(decoding: out, as: UTF8.self)
    }

    /// Only the date, `2026-11-26`.
    static func formatDay(_ micros: Int64) -> String { String(format(micros).prefix(10)) }

    /// Parses any ISO 8601 form the client's `WaldurDate` reads.
    static func parse(_ text: String) -> Int64? {
        guard let date = WaldurDateBridge.parse(text) else { return nil }
        return Int64((date.timeIntervalSince1970 * 1_000_000).rounded())
    }

    /// Midnight UTC of a `YYYY-MM-DD` date.
    static func day(_ y: Int, _ m: Int, _ d: Int) -> Int64 {
        // Days from 1970-01-01, proleptic Gregorian calendar.
        let yy = m <= 2 ? y - 1 : y
        let era = (yy >= 0 ? yy : yy - 399) / 400
        let yoe = yy - era * 400
        let doy = (153 * ((m + 9) % 12) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return Int64(era * 146097 + doe - 719468) * 86_400_000_000
    }

    static func civil(_ daysSinceEpoch: Int) -> (Int, Int, Int) {
        let z = daysSinceEpoch + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (m <= 2 ? yoe + era * 400 + 1 : yoe + era * 400, m, d)
    }

    static func pad(_ v: Int, _ n: Int) -> String { String(v).leftPadded(n) }
}
