import ArgumentParser
import Foundation

/// Prints a usage problem found after parsing (no orders, `--yes` missing) and ends with exit status 64.
func UsageFailure(_ message: String) -> ExitCode {
    FileHandle.standardError.write(Data(("waldur-orders: " + message + "\n").utf8))
    return ExitCode.validationFailure
}
