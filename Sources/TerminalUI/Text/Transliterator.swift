import Foundation

/// ASCII stand-ins for non-ASCII characters, for terminals without a UTF-8 locale.
public enum Transliterator {
    /// The ASCII text for `scalar`: letters lose their accents, common punctuation and symbols
    /// get their usual spelling, box drawing becomes `-|+`, anything else becomes `?`.
    public static func ascii(for scalar: Unicode.Scalar) -> String {
        if scalar.isASCII { return String(Character(scalar)) }
        if let special = table[scalar.value] { return special }
        let v = scalar.value
        if (0x2500...0x257F).contains(v) { return boxDrawing(v) }
        let decomposed = String(Character(scalar)).decomposedStringWithCanonicalMapping
        let base = decomposed.unicodeScalars.filter { $0.isASCII }
        if !base.isEmpty, base.count == decomposed.unicodeScalars.filter({ DisplayWidth.of($0) != 0 }).count {
            return String(String.UnicodeScalarView(base))
        }
        return "?"
    }

    /// Transliterates a whole string.
    public static func ascii(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars { out += ascii(for: scalar) }
        return out
    }

    private static func boxDrawing(_ v: UInt32) -> String {
        switch v {
        case 0x2500, 0x2501, 0x2504, 0x2505, 0x2508, 0x2509, 0x254C, 0x254D, 0x2550: return "-"
        case 0x2502, 0x2503, 0x2506, 0x2507, 0x250A, 0x250B, 0x254E, 0x254F, 0x2551: return "|"
        default: return "+"
        }
    }

    private static let table: [UInt32: String] = [
        0x00A0: " ", 0x00A9: "(c)", 0x00AE: "(R)", 0x00AB: "<<", 0x00BB: ">>", 0x00B0: "deg",
        0x00B7: ".", 0x00D7: "x", 0x00F7: "/", 0x00DF: "ss", 0x00C6: "AE", 0x00E6: "ae", 0x00D8: "O",
        0x00F8: "o", 0x0110: "D", 0x0111: "d", 0x0141: "L", 0x0142: "l", 0x0152: "OE", 0x0153: "oe",
        0x00D0: "D", 0x00F0: "d", 0x00DE: "Th", 0x00FE: "th", 0x0131: "i",
        0x2010: "-", 0x2011: "-", 0x2012: "-", 0x2013: "-", 0x2014: "--", 0x2015: "--",
        0x2018: "'", 0x2019: "'", 0x201A: ",", 0x201C: "\"", 0x201D: "\"", 0x201E: ",,",
        0x2022: "*", 0x2026: "...", 0x2032: "'", 0x2033: "\"", 0x2039: "<", 0x203A: ">",
        0x20AC: "EUR", 0x00A3: "GBP", 0x00A5: "JPY", 0x20BD: "RUB", 0x2122: "TM",
        0x2190: "<-", 0x2192: "->", 0x2191: "^", 0x2193: "v", 0x21C4: "<>", 0x2194: "<->",
        0x2713: "v", 0x2714: "v", 0x2717: "x", 0x2718: "x", 0x2715: "x", 0x2716: "x",
        0x25B2: "^", 0x25BC: "v", 0x25B6: ">", 0x25C0: "<", 0x25CF: "*", 0x25CB: "o", 0x25CC: "o",
        0x2212: "-", 0x2260: "!=", 0x2264: "<=", 0x2265: ">=", 0x2248: "~",
        0x00BD: "1/2", 0x00BC: "1/4", 0x00BE: "3/4", 0xFFFD: "?", 0x2400: "^@", 0x241B: "^[",
        0x2588: "#", 0x2591: ".", 0x2592: ":", 0x2593: "#", 0x23F8: "||", 0x29D7: "...",
    ]
}
