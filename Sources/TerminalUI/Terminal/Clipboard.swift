import Foundation

/// The clipboard through OSC 52: the one escape sequence the app writes on purpose. The text is
/// sanitised and base64-encoded, so nothing from the server reaches the terminal raw.
public enum Clipboard {
    /// `ESC ] 52 ; c ; BASE64 BEL` for `text` (line breaks are kept, each line sanitised).
    public static func osc52(_ text: String) -> [UInt8] {
        let clean = Sanitizer.lines(text).joined(separator: "\n")
        let payload = Data(clean.utf8).base64EncodedString()
        return Array("\u{1B}]52;c;\(payload)\u{07}".utf8)
    }

    /// The most base64 bytes one OSC 52 carries: terminals cap the sequence (xterm's default and tmux's buffer
    /// limits sit near 74 KB; larger ones are dropped whole), so longer text is cut to fit rather than lost.
    public static let maxPayloadBytes = 74_994

    /// `text` cut (at a character boundary) so its OSC 52 payload fits `maxPayloadBytes`, and whether it was cut.
    public static func fitted(_ text: String) -> (text: String, cut: Bool) {
        let limit = maxPayloadBytes / 4 * 3
        guard text.utf8.count > limit else { return (text, false) }
        var out = ""
        var size = 0
        for character in text {
            let n = character.utf8.count
            if size + n > limit { break }
            out.append(character)
            size += n
        }
        return (out, true)
    }
}
