import Foundation
import Logging
import WaldurConfig

/// A swift-log handler that appends lines to a file (never to the screen, which the UI owns).
struct FileLogHandler: LogHandler {
    /// The log file, shared by every handler of the process; each line is one `write(2)` on an `O_APPEND`
    /// descriptor, so lines stay whole whatever the number of writers (threads or processes sharing the state folder).
    final class Sink: Sendable {
        private let file: AppendOnlyFile?

        init(url: URL) {
            file = AppendOnlyFile(url: url)
        }

        func write(_ line: String) {
            file?.append(line: line)
        }
    }

    let label: String
    let sink: Sink
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var merged = metadata
        if let extra = event.metadata { merged.merge(extra) { $1 } }
        let meta = merged.isEmpty ? "" : " " + merged.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        // One entry, one line: inner line breaks are written as \n, other controls as ?.
        let text = "\(WaldurDateStamp.now()) \(event.level) \(label): \(event.message)\(meta)".replacingOccurrences(of: "\n", with: "\\n")
        sink.write(String(String.UnicodeScalarView(text.unicodeScalars.map { $0.value >= 0x20 && $0.value != 0x7F ? $0 : "?" })))
    }
}

/// Timestamps for log lines.
enum WaldurDateStamp {
    static func now() -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return f.string(from: Date())
    }
}
