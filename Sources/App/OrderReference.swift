import Foundation
import WaldurClient

/// How the user named one order on the command line: a full uuid (with or without hyphens) or a hex prefix of 8+ digits.
enum OrderReference: Equatable {
    case uuid(WaldurUUID)
    case prefix(String)

    /// The shortest prefix accepted.
    static let minimumPrefix = 8

    /// Parses one reference; nil with the reason when it is neither a uuid nor a long enough hex prefix.
    static func parse(_ text: String) -> Result<OrderReference, OrderReferenceError> {
        let bare = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "-", with: "").lowercased()
        guard !bare.isEmpty, bare.allSatisfy(\.isHexDigit), bare.unicodeScalars.allSatisfy(\.isASCII) else {
            return .failure(OrderReferenceError("'\(PrintableArgument.clean(text))' is not an order uuid or a hex prefix of one"))
        }
        if bare.count == 32 { return .success(.uuid(WaldurUUID(bare))) }
        guard bare.count >= minimumPrefix, bare.count < 32 else {
            return .failure(OrderReferenceError("'\(PrintableArgument.clean(text))' is too \(bare.count > 32 ? "long" : "short") for an order uuid "
                + "(give 32 hex digits, or a unique prefix of at least \(minimumPrefix))"))
        }
        return .success(.prefix(bare))
    }

    /// The references named by `arguments`; `-` reads more from standard input, one per line, taking the first column
    /// (so `list --format tsv` output can be piped in; its header line and blank lines are skipped).
    static func collect(_ arguments: [String], readStandardInput: () -> String = { String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self) })
        -> Result<[OrderReference], OrderReferenceError>
    {
        var texts: [String] = []
        var readStdin = false
        for a in arguments {
            if a == "-" {
                guard !readStdin else { continue }
                readStdin = true
                for line in readStandardInput().split(whereSeparator: \.isNewline) {
                    guard let first = line.split(whereSeparator: { $0 == "\t" || $0 == " " || $0 == "," }).first else { continue }
                    let column = String(first).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
                    if column.lowercased() == "uuid" || column.hasPrefix("#") { continue }
                    texts.append(column)
                }
            } else {
                texts.append(a)
            }
        }
        var out: [OrderReference] = []
        for t in texts {
            switch parse(t) {
            case let .success(r): if !out.contains(r) { out.append(r) }
            case let .failure(e): return .failure(e)
            }
        }
        return .success(out)
    }
}

/// Why an order reference cannot be used (a usage error) or resolved.
struct OrderReferenceError: Error, Equatable {
    var message: String
    init(_ message: String) { self.message = message }
}

/// Command-line texts shown back to the user without control characters.
enum PrintableArgument {
    static func clean(_ s: String) -> String {
        String(String.UnicodeScalarView(s.unicodeScalars.prefix(80).map { $0.value < 0x20 || $0.value == 0x7F ? "?" : $0 }))
    }
}
