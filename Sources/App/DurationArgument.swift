import ArgumentParser
import Foundation

/// A duration on the command line: `90` or `90s`, `10m`, `2h`, `1.5s`.
struct DurationArgument: ExpressibleByArgument {
    var seconds: TimeInterval

    init(seconds: TimeInterval) { self.seconds = seconds }

    init?(argument: String) {
        let text = argument.trimmingCharacters(in: .whitespaces).lowercased()
        let units: [(String, Double)] = [("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600)]
        var number = text
        var scale = 1.0
        for (suffix, factor) in units where text.hasSuffix(suffix) {
            number = String(text.dropLast(suffix.count))
            scale = factor
            break
        }
        guard let value = Double(number), value.isFinite, value >= 0 else { return nil }
        seconds = value * scale
    }

    var defaultValueDescription: String {
        seconds.truncatingRemainder(dividingBy: 60) == 0 && seconds >= 60 ? "\(Int(seconds / 60))m" : "\(seconds)s"
    }
}
