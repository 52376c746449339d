import Foundation
import WaldurClient

/// The client's timestamp parser, so the sandbox accepts exactly what the client sends.
enum WaldurDateBridge {
    static func parse(_ text: String) -> Date? { WaldurDate.parse(text) }
}
