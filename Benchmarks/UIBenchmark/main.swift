// Terminal UI figures (release build: `swift build -c release && swift run -c release ui-benchmark`):
// at 120×40 against a sandbox with 10,000 orders, the time from start to the first complete frame, and the
// bytes written to the terminal (captured from the pty by tmux pipe-pane) for moving the selection down one
// row and for typing one filter character; then the latency from a j/k keypress to the frame (first byte and
// complete frame on the pty), p50/p99 over 50 presses, idle and while the sandbox stalls every list request
// (a reload in flight). Prints figures; asserts nothing.
import Foundation
import WaldurSandbox
#if canImport(Glibc)
import Glibc
#endif

let socketName = "waldur-ui-bench-\(getpid())"

/// Runs `tmux -L socket args…` and answers its stdout (posix_spawn: the forked tmux server must not hold our pipes).
@discardableResult
func tmux(_ args: [String]) -> String {
    let out = "/tmp/\(socketName)-out"
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, out, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    let argv = (["/usr/bin/tmux", "-L", socketName] + args).map { strdup($0) } + [nil]
    var pid: pid_t = 0
    guard posix_spawn(&pid, "/usr/bin/tmux", &actions, nil, argv, environ) == 0 else { return "" }
    var status: Int32 = 0
    waitpid(pid, &status, 0)
    posix_spawn_file_actions_destroy(&actions)
    for p in argv { free(p) }
    return (try? String(contentsOfFile: out, encoding: .utf8)) ?? ""
}

func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

func fileSize(_ path: String) -> Int {
    ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
}

/// Waits until the pty output file stops growing for `quiet` seconds; answers its size.
func settle(_ path: String, quiet: Double = 0.6, limit: Double = 10) -> Int {
    let start = now()
    var last = fileSize(path), lastChange = now()
    while now() - start < limit {
        usleep(20_000)
        let size = fileSize(path)
        if size != last { last = size; lastChange = now() } else if now() - lastChange >= quiet { break }
    }
    return last
}

let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("waldur-orders").path
guard FileManager.default.isExecutableFile(atPath: binary) else {
    print("build the app first: swift build -c release (looked for \(binary))")
    exit(1)
}

var options = SandboxOptions()
options.orderCount = 10_000
let sandbox = try await Sandbox.start(options)
let token = sandbox.user(role: "staff")?.token ?? ""
let home = "/tmp/\(socketName)-home"
try? FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
let command = "env -i HOME=\(home) TERM=xterm-256color LANG=C.UTF-8 WALDUR_ACCESS_TOKEN=\(token) \(binary) --api-url \(sandbox.url.absoluteString) --refresh 0"

let t0 = now()
tmux(["-f", "/dev/null", "new-session", "-d", "-s", "b", "-x", "120", "-y", "40", command])
var firstFrame: Double?
var loaded: Double?
while now() - t0 < 120 {
    let screen = tmux(["capture-pane", "-p", "-t", "b"])
    if firstFrame == nil, screen.contains("State"), screen.contains("◑") || screen.contains("◔") { firstFrame = now() - t0 }
    if screen.contains("All 10,000") || screen.contains("All 10000") { loaded = now() - t0; break }
    usleep(5_000)
}
let capture = "/tmp/\(socketName)-pty"
unlink(capture)
tmux(["pipe-pane", "-o", "-t", "b", "cat >> \(capture)"])
let base = settle(capture)
tmux(["send-keys", "-t", "b", "j"])
let afterMove = settle(capture)
tmux(["send-keys", "-t", "b", "/"])
let afterSlash = settle(capture)
tmux(["send-keys", "-t", "b", "-l", "g"])
let afterChar = settle(capture)
tmux(["send-keys", "-t", "b", "Escape"])
_ = settle(capture)

/// Sends `key` and answers, in ms after the send began, when the app's first output byte arrived and when its output
/// went quiet (no byte for 40 ms: the frame is complete). Includes the tmux client's round trip (a few ms).
func keyLatency(_ key: String) -> (first: Double, settled: Double)? {
    let before = fileSize(capture)
    let t0 = now()
    tmux(["send-keys", "-t", "b", key])
    var first: Double?
    var last = before, lastChange = now()
    while now() - t0 < 5 {
        let size = fileSize(capture)
        if size != last {
            if first == nil { first = now() - t0 }
            last = size
            lastChange = now()
        } else if first != nil, now() - lastChange > 0.04 {
            break
        }
        usleep(250)
    }
    guard let first else { return nil }
    return (first * 1000, (lastChange - t0) * 1000)
}

/// 50 alternating j/k presses, each after the previous frame settled.
func measureKeys() -> (first: [Double], settled: [Double], missed: Int) {
    var first: [Double] = [], settled: [Double] = []
    var missed = 0
    for i in 0..<50 {
        if let l = keyLatency(i % 2 == 0 ? "j" : "k") { first.append(l.first); settled.append(l.settled) } else { missed += 1 }
    }
    return (first.sorted(), settled.sorted(), missed)
}

func percentile(_ sorted: [Double], _ p: Double) -> Double {
    guard !sorted.isEmpty else { return .nan }
    return sorted[min(sorted.count - 1, max(0, Int((p * Double(sorted.count)).rounded(.up)) - 1))]
}

func statusLine() -> String {
    let lines = tmux(["capture-pane", "-p", "-t", "b"]).split(separator: "\n", omittingEmptySubsequences: false)
    return lines.count >= 3 ? String(lines[lines.count - 3]).trimmingCharacters(in: .whitespaces) : ""
}

let idle = measureKeys()
// A stalled list request: the sandbox never answers list requests, and R starts a full reload.
try await sandbox.setFaults("stall=list")
tmux(["send-keys", "-t", "b", "R"])
_ = settle(capture, quiet: 0.3)
let stalledStatus = statusLine()
let stalled = measureKeys()
let stillStalled = statusLine()
try await sandbox.setFaults("none")
// kill-server alone leaves the server (and the app) running while the app is alive in the pane: end the session first.
tmux(["kill-session", "-t", "b"])
tmux(["kill-server"])
await sandbox.stop()

print("ui-benchmark at 120×40 against a sandbox with 10,000 orders")
print(String(format: "  first frame with orders:   %.0f ms", (firstFrame ?? .nan) * 1000))
print(String(format: "  all 10,000 loaded:         %.0f ms", (loaded ?? .nan) * 1000))
print("  bytes for selection down:  \(afterMove - base)")
print("  bytes for '/' (open filter): \(afterSlash - afterMove)")
print("  bytes for one filter char: \(afterChar - afterSlash)")
func report(_ name: String, _ m: (first: [Double], settled: [Double], missed: Int)) {
    print(String(format: "  %@ key→first byte  p50 %.1f ms  p99 %.1f ms  max %.1f ms", name, percentile(m.first, 0.5), percentile(m.first, 0.99),
                 m.first.last ?? .nan))
    print(String(format: "  %@ key→frame done  p50 %.1f ms  p99 %.1f ms  max %.1f ms  (%d keys, %d without output)", name,
                 percentile(m.settled, 0.5), percentile(m.settled, 0.99), m.settled.last ?? .nan, m.first.count, m.missed))
}
print("key-to-frame latency, 50 alternating j/k presses (each after the previous frame settled):")
report("idle:        ", idle)
report("list stalled:", stalled)
print("  status line while stalled: \(stalledStatus)")
print("  status line after the keys: \(stillStalled)")
