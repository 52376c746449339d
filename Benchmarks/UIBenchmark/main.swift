// Terminal UI figures (release build: `swift build -c release && swift run -c release ui-benchmark`):
// at 120×40 against a sandbox with 10,000 orders, the time from start to the first complete frame, and the
// bytes written to the terminal (captured from the pty by tmux pipe-pane) for moving the selection down one
// row and for typing one filter character. Prints figures; asserts nothing.
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
tmux(["kill-server"])
await sandbox.stop()

print("ui-benchmark at 120×40 against a sandbox with 10,000 orders")
print(String(format: "  first frame with orders:   %.0f ms", (firstFrame ?? .nan) * 1000))
print(String(format: "  all 10,000 loaded:         %.0f ms", (loaded ?? .nan) * 1000))
print("  bytes for selection down:  \(afterMove - base)")
print("  bytes for '/' (open filter): \(afterSlash - afterMove)")
print("  bytes for one filter char: \(afterChar - afterSlash)")
