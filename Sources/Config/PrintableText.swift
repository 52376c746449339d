import WaldurClient

/// Message text made safe for a terminal: names from flags, files and the environment may hold escape sequences.
enum PrintableText {
    /// `text` with C0/C1 control characters and DEL replaced by `?`.
    static func clean(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let v = scalar.value
            out.append(v < 0x20 || (v >= 0x7F && v < 0xA0) ? "?" : scalar)
        }
        return String(out)
    }

    /// A configuration error whose text is cleaned.
    static func clean(_ error: WaldurError) -> WaldurError {
        if case let .configuration(text) = error { return .configuration(clean(text)) }
        return error
    }
}
