import Foundation

/// The clipboard through OSC 52: the one escape sequence the app writes on purpose. The text is
/// sanitised and base64-encoded, so nothing from the server reaches the terminal raw.
public enum Clipboard {
    /// `ESC ] 52 ; c ; BASE64 BEL` for `text`.
    public static func osc52(_ text: String) -> [UInt8] {
        let clean = Sanitizer.sanitize(text)
        let payload = Data(clean.utf8).base64EncodedString()
        return Array("\u{1B}]52;c;\(payload)\u{07}".utf8)
    }
}
