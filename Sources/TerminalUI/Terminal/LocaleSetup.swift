import Foundation
import CNcursesw
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Sets the C locale up before ncurses starts, so wide characters work.
public enum LocaleSetup {
    /// Adopts the environment's locale; when its character set is not UTF-8 (SSH sessions with
    /// LANG unset or `C`), tries the UTF-8 locales every glibc ships for character handling.
    /// Returns `.ascii` when no UTF-8 locale exists at all.
    @discardableResult
    public static func configure() -> Charset {
        _ = setlocale(LC_ALL, "")
        if isUTF8() { return .unicode }
        for name in ["C.UTF-8", "C.utf8", "en_US.UTF-8", "en_US.utf8"] {
            if setlocale(LC_CTYPE, name) != nil, isUTF8() { return .unicode }
        }
        _ = setlocale(LC_CTYPE, "")
        return .ascii
    }

    /// Whether the current locale's character set is UTF-8.
    public static func isUTF8() -> Bool {
        guard let codeset = cn_codeset() else { return false }
        let name = String(cString: codeset).uppercased().replacingOccurrences(of: "-", with: "")
        return name == "UTF8"
    }
}
