import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Waits, off the UI actor, until the terminal has input, someone calls `wake()`, a signal
/// handler writes to the wake pipe, or a timeout passes.
public final class InputWaiter: Sendable {
    /// Why a wait ended.
    public enum Outcome: Sendable, Equatable {
        case input
        case woken
        case timeout
        /// The terminal went away (stdin closed or hung up).
        case hangup
    }

    private let inputFD: Int32
    private let wakeRead: Int32
    /// The write end of the wake pipe (signal handlers write one byte to it).
    public let wakeWrite: Int32

    public init(inputFD: Int32 = 0) {
        self.inputFD = inputFD
        var fds: [Int32] = [-1, -1]
        if pipe(&fds) == 0 {
            for fd in fds {
                let flags = fcntl(fd, F_GETFL)
                _ = fcntl(fd, F_SETFL, flags | O_NONBLOCK)
                _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
            }
        }
        wakeRead = fds[0]
        wakeWrite = fds[1]
    }

    deinit {
        if wakeRead >= 0 { close(wakeRead) }
        if wakeWrite >= 0 { close(wakeWrite) }
    }

    /// Ends the current (or next) wait; safe from any thread.
    public func wake() {
        guard wakeWrite >= 0 else { return }
        var byte: UInt8 = 1
        _ = write(wakeWrite, &byte, 1)
    }

    /// Waits up to `milliseconds` without blocking the caller's actor.
    public func wait(milliseconds: Int32) async -> Outcome {
        let inputFD = self.inputFD
        let wakeRead = self.wakeRead
        return await withCheckedContinuation { (continuation: CheckedContinuation<Outcome, Never>) in
            DispatchQueue.global(qos: .userInteractive).async {
                continuation.resume(returning: InputWaiter.pollOnce(inputFD: inputFD, wakeRead: wakeRead, milliseconds: milliseconds))
            }
        }
    }

    private static func pollOnce(inputFD: Int32, wakeRead: Int32, milliseconds: Int32) -> Outcome {
        var fds = [
            pollfd(fd: inputFD, events: Int16(POLLIN), revents: 0),
            pollfd(fd: wakeRead, events: Int16(POLLIN), revents: 0),
        ]
        let rc = fds.withUnsafeMutableBufferPointer { buffer in
            poll(buffer.baseAddress, nfds_t(buffer.count), milliseconds)
        }
        if rc < 0 { return errno == EINTR ? .woken : .timeout }
        if rc == 0 { return .timeout }
        var woken = false
        if fds[1].revents & Int16(POLLIN) != 0 {
            var buffer = [UInt8](repeating: 0, count: 64)
            while read(wakeRead, &buffer, buffer.count) > 0 {}
            woken = true
        }
        // A hung-up terminal also reports POLLIN (reads then fail at once): test the hangup first, or the loop would
        // spin on it forever once the terminal is gone.
        if fds[0].revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 { return .hangup }
        if fds[0].revents & Int16(POLLIN) != 0 { return .input }
        return woken ? .woken : .timeout
    }
}
