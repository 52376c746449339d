import Foundation

/// Reads a `Retry-After` header: delay-seconds or an HTTP date.
public enum RetryAfter {
    public static func seconds(_ value: String, now: Date = Date()) -> TimeInterval? {
        let v = value.trimmingCharacters(in: .whitespaces)
        if let s = Double(v), s >= 0, s.isFinite { return s }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        guard let date = formatter.date(from: v) else { return nil }
        return max(0, date.timeIntervalSince(now))
    }
}
