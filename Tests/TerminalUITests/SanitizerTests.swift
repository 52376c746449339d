import Testing
@testable import TerminalUI

@Suite struct SanitizerTests {
    static let payloads: [String] = [
        "evil\u{1B}[2J\u{1B}[31mred",                // CSI clear screen, colour
        "title\u{1B}]0;pwned\u{07}",                 // OSC set title
        "clip\u{1B}]52;c;ZXZpbA==\u{07}",            // OSC 52 clipboard write
        "c1\u{9B}31m and \u{9D}0;x\u{9C}",           // C1 CSI / OSC / ST
        "bidi \u{202E}gnp.exe\u{202C} \u{2066}iso\u{2069}", // overrides and isolates
        "del\u{7F} nul\u{00} bell\u{07} cr\r lf\n",
        "hidden\u{200E}\u{200F}\u{061C}\u{FEFF}\u{2028}",
        "tags \u{E0041}\u{E0042}",
    ]

    @Test(arguments: payloads)
    func payloadsBecomePlaceholders(_ payload: String) {
        let clean = Sanitizer.sanitize(payload)
        #expect(!containsUnsafeScalar(clean))
        #expect(Sanitizer.needsSanitizing(payload))
        #expect(!Sanitizer.needsSanitizing(clean))
        // Something visible stands where the unsafe scalar was.
        #expect(clean.unicodeScalars.contains { $0.value == 0xFFFD || (0x2400...0x2421).contains($0.value) })
    }

    @Test func escapeBecomesVisibleEscapePicture() {
        #expect(Sanitizer.sanitize("a\u{1B}[31mb") == "a\u{241B}[31mb")
        #expect(Sanitizer.sanitize("a\u{1B}[31mb", charset: .ascii) == "a^[[31mb")
    }

    @Test func plainTextIsUnchanged() {
        for text in ["Basic VM", "Ćlient Ωrg", "漢字", "naïve café", "e\u{0301}"] {
            #expect(Sanitizer.sanitize(text) == text)
            #expect(!Sanitizer.needsSanitizing(text))
        }
    }

    @Test func multilineTextSplitsAtLineBreaks() {
        #expect(Sanitizer.lines("a\nb\r\nc\rd") == ["a", "b", "c", "d"])
        #expect(Sanitizer.lines("x\u{1B}y\nz") == ["x\u{241B}y", "z"])
    }

    @Test(arguments: payloads)
    func gridNeverHoldsRawControls(_ payload: String) {
        var grid = CellGrid(width: 80, height: 1)
        grid.put(payload, x: 0, y: 0, role: .normal)
        #expect(!containsUnsafeScalar(grid.allText))
        // Placeholders are styled so they stand out.
        #expect(grid.cells.contains { $0.role == .placeholder })
    }

    @Test func asciiFallbackTransliterates() {
        #expect(Sanitizer.sanitize("Ćlient “Ωrg” — café…", charset: .ascii) == "Client \"?rg\" -- cafe...")
        #expect(Sanitizer.sanitize("Straße Ærø", charset: .ascii) == "Strasse AEro")
        var grid = CellGrid(width: 20, height: 1, charset: .ascii)
        grid.put("漢字 ok", x: 0, y: 0, role: .normal)
        #expect(grid.rowText(0).hasPrefix("?? ok"))
        #expect(grid.allText.unicodeScalars.allSatisfy { $0.isASCII })
    }

    @Test func asciiBordersAreAscii() {
        var grid = CellGrid(width: 10, height: 4, charset: .ascii)
        grid.drawBox(x: 0, y: 0, width: 10, height: 4, role: .border)
        #expect(grid.lines[0] == "+--------+")
        #expect(grid.lines[1] == "|        |")
        var unicode = CellGrid(width: 4, height: 3)
        unicode.drawBox(x: 0, y: 0, width: 4, height: 3, role: .border)
        #expect(unicode.lines[0] == "┌──┐")
    }

    @Test func osc52IsTheOnlyEscapeAndCarriesBase64() {
        let bytes = Clipboard.osc52("0123abcd")
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text == "\u{1B}]52;c;MDEyM2FiY2Q=\u{07}")
        // A hostile value cannot break out: it is sanitised, then base64 (no ESC or BEL inside the payload).
        let hostile = String(decoding: Clipboard.osc52("x\u{07}\u{1B}]0;t"), as: UTF8.self)
        let inner = hostile.dropFirst(7).dropLast()
        #expect(!inner.contains("\u{1B}") && !inner.contains("\u{07}"))
    }
}
