import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The width of the terminal on stdout, for output that must fit it.
enum TerminalSize {
    static func columns() -> Int {
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        if let env = ProcessInfo.processInfo.environment["COLUMNS"], let n = Int(env), n > 0 { return n }
        return 120
    }
}
