import ArgumentParser
import Foundation

/// Prints a user-facing sentence to stderr and ends the command with exit status 1.
func CommandFailure(_ message: String) -> ExitCode {
    FileHandle.standardError.write(Data(("waldur-orders: " + message + "\n").utf8))
    return ExitCode.failure
}
