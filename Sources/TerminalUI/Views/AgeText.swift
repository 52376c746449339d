import Foundation

/// Short ages for the list: "45s", "12m", "3h", "5d", "7w", "2y".
public enum AgeText {
    public static func of(_ date: Date?, now: Date) -> String {
        guard let date else { return "" }
        let s = max(0, now.timeIntervalSince(date))
        if s < 60 { return "\(Int(s))s" }
        if s < 3600 { return "\(Int(s / 60))m" }
        if s < 86400 { return "\(Int(s / 3600))h" }
        if s < 86400 * 14 { return "\(Int(s / 86400))d" }
        if s < 86400 * 365 { return "\(Int(s / (86400 * 7)))w" }
        return "\(Int(s / (86400 * 365)))y"
    }
}
