// Sandbox figures (release build: `swift build -c release --product sandbox-benchmark && .build/release/sandbox-benchmark`).
// (a) Against an in-process sandbox with 10,000 orders: the time for this project's client to fetch the whole list
//     (trimmed to the list view's fields, pages fetched concurrently) and for the official Python client
//     (waldur-api-client, its own paging) to fetch it, alternating in the same run; medians and their ratio.
// (b) List-page throughput at 100,000 orders: a bounded load run on loopback of
//     `GET /api/marketplace-orders/?page=K&page_size=50` over varying pages; requests/s, p50 and p99 latency.
// Environment: BENCH_REPS (default 5), BENCH_REQUESTS (default 3000), BENCH_WORKERS (default 4),
// BENCH_SECONDS (time cap of (b), default 60), BENCH_ONLY (`a` or `b` runs one part), BENCH_PYTHON (a python with waldur-api-client; default: the
// conformance venv, created by Tests/Conformance/python-client.sh --setup-only when missing).
// Prints figures; asserts nothing.
import Foundation
import OrderStore
import WaldurClient
import WaldurSandbox
#if canImport(Glibc)
import Glibc
#endif

func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

func setting(_ name: String, _ fallback: Int) -> Int {
    ProcessInfo.processInfo.environment[name].flatMap { Int($0) }.map { max(1, $0) } ?? fallback
}

func median(_ values: [Double]) -> Double {
    let s = values.sorted()
    guard !s.isEmpty else { return .nan }
    return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
}

/// Nearest-rank percentile of sorted values.
func percentile(_ sorted: [Double], _ p: Double) -> Double {
    guard !sorted.isEmpty else { return .nan }
    let rank = Int((p / 100 * Double(sorted.count)).rounded(.up))
    return sorted[min(sorted.count, max(1, rank)) - 1]
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("sandbox-benchmark: \(message)\n".utf8))
    exit(1)
}

/// The repository root (this file is Benchmarks/SandboxBenchmark/main.swift).
let repository: URL = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url
}()

/// Runs `argv` to completion with stdout in a file (posix_spawn: no pipes for grandchildren to hold);
/// answers the exit status and stdout. `extraEnvironment` is added to this process's environment.
func spawn(_ argv: [String], extraEnvironment: [String: String] = [:]) -> (Int32, String) {
    let out = FileManager.default.temporaryDirectory.appendingPathComponent("sandbox-benchmark-\(getpid())-\(UUID().uuidString)").path
    defer { unlink(out) }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, out, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    var environment = ProcessInfo.processInfo.environment
    environment.merge(extraEnvironment) { $1 }
    let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    let args = argv.map { strdup($0) } + [nil]
    defer { for p in envp { free(p) }; for p in args { free(p) } }
    var pid: pid_t = 0
    guard posix_spawnp(&pid, argv[0], &actions, nil, args, envp) == 0 else { return (127, "") }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
    let exited = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    return (exited, (try? String(contentsOfFile: out, encoding: .utf8)) ?? "")
}

/// The list view's fields, as the store asks for them.
let listFields = ListFields.names

func startSandbox(orders: Int) async -> (RunningSandbox, String) {
    var options = SandboxOptions()
    options.orderCount = orders
    options.seed = 1
    let start = now()
    do {
        let sandbox = try await Sandbox.start(options)
        guard let token = sandbox.user(role: "staff")?.token else { fail("the sandbox has no staff user") }
        print(String(format: "sandbox with %d orders started in %.2f s", orders, now() - start))
        return (sandbox, token)
    } catch {
        fail("\(error)")
    }
}

// MARK: (a) the whole list of 10,000 orders: this project's client against the official Python client

func swiftFetch(_ url: URL, token: String) async -> (Double, Int) {
    let client = WaldurClient(configuration: ClientConfiguration(apiRoot: url, token: APIToken(token)))
    var query = OrderListQuery()
    query.fields = listFields
    query.pageSize = 200  // the store's default page size
    let start = now()
    do {
        let orders = try await client.listAll(query, concurrency: 4)
        return (now() - start, orders.count)
    } catch {
        fail("client fetch: \(error.message)")
    }
}

func pythonFetch(_ python: String, _ url: URL, token: String, fields: [String]) -> (Double, Int) {
    let script = repository.appendingPathComponent("Benchmarks/SandboxBenchmark/python_fetch.py").path
    let (status, out) = spawn([python, script, url.absoluteString] + fields.flatMap { ["--field", $0] }, extraEnvironment: ["BENCH_TOKEN": token])
    let parts = out.split(whereSeparator: \.isWhitespace)
    guard status == 0, parts.count == 2, let seconds = Double(parts[0]), let count = Int(parts[1]) else {
        fail("python_fetch.py exited \(status): \(out.prefix(500))")
    }
    return (seconds, count)
}

func pythonInterpreter() -> String {
    if let python = ProcessInfo.processInfo.environment["BENCH_PYTHON"] { return python }
    let venvPython = repository.appendingPathComponent(".build/python-conformance-venv/bin/python").path
    if !FileManager.default.isExecutableFile(atPath: venvPython) {
        print("creating the Python client's venv (Tests/Conformance/python-client.sh --setup-only) …")
        let (status, _) = spawn(["/bin/bash", repository.appendingPathComponent("Tests/Conformance/python-client.sh").path, "--setup-only"])
        guard status == 0 else { fail("could not create the venv; set BENCH_PYTHON to a python with waldur-api-client") }
    }
    return venvPython
}

let only = ProcessInfo.processInfo.environment["BENCH_ONLY"] ?? ""
let repetitions = setting("BENCH_REPS", 5)
if only != "b" {
    let python = pythonInterpreter()
    let (sandbox, token) = await startSandbox(orders: 10_000)
    // One unmeasured round of each warms the server's caches and the connection paths.
    _ = await swiftFetch(sandbox.url, token: token)
    _ = pythonFetch(python, sandbox.url, token: token, fields: [])
    var swiftTimes: [Double] = [], pythonTimes: [Double] = [], pythonTrimmedTimes: [Double] = []
    var counts = Set<Int>()
    for _ in 0..<repetitions {
        let s = await swiftFetch(sandbox.url, token: token)
        let p = pythonFetch(python, sandbox.url, token: token, fields: [])
        let t = pythonFetch(python, sandbox.url, token: token, fields: listFields)
        swiftTimes.append(s.0); pythonTimes.append(p.0); pythonTrimmedTimes.append(t.0)
        counts.formUnion([s.1, p.1, t.1])
    }
    await sandbox.stop()
    guard counts.count == 1, let count = counts.first else { fail("the clients fetched different counts: \(counts.sorted())") }
    let swiftMedian = median(swiftTimes), pythonMedian = median(pythonTimes), trimmedMedian = median(pythonTrimmedTimes)
    print("(a) whole list, \(count) orders, median of \(repetitions):")
    print(String(format: "    waldur-orders client (%d trimmed fields, page_size 200, 4 pages at once): %.3f s", listFields.count, swiftMedian))
    print(String(format: "    official Python client 8.1.3 (sync_all, page_size 100, full orders):      %.3f s", pythonMedian))
    print(String(format: "    official Python client 8.1.3 (sync_all, same trimmed fields):            %.3f s", trimmedMedian))
    print(String(format: "    ratio Python / waldur-orders: %.1f× (full), %.1f× (trimmed)", pythonMedian / swiftMedian, trimmedMedian / swiftMedian))
}

// MARK: (b) list-page throughput at 100,000 orders

/// One worker's share of the load: requests `index` ≡ `worker` (mod `workers`), until done or past the deadline.
func loadWorker(worker: Int, workers: Int, total: Int, pages: Int, deadline: Double, root: String, token: String,
                transport: URLSessionTransport) async -> (latencies: [Double], failures: Int) {
    var latencies: [Double] = []
    latencies.reserveCapacity(total / workers + 1)
    var failures = 0
    var index = worker
    while index < total && now() < deadline {
        // Pages spread over the whole list (a multiplicative step, so neighbours differ), 1-based.
        let page = (index &* 7919) % pages + 1
        guard let url = URL(string: "\(root)marketplace-orders/?page=\(page)&page_size=50") else { break }
        let start = now()
        do {
            let response = try await transport.send(HTTPRequest(method: "GET", url: url, headers: [("Authorization", "Token \(token)")]))
            if response.status != 200 { failures += 1 }
        } catch {
            failures += 1
        }
        latencies.append(now() - start)
        index += workers
    }
    return (latencies, failures)
}

if only != "a" {
    let total = setting("BENCH_REQUESTS", 3000)
    let workers = setting("BENCH_WORKERS", 4)
    let cap = Double(setting("BENCH_SECONDS", 60))
    let (sandbox, token) = await startSandbox(orders: 100_000)
    let root = sandbox.url.absoluteString
    let transport = URLSessionTransport(maxConnectionsPerHost: workers)
    let pages = 100_000 / 50
    // Warm-up, not measured.
    _ = await loadWorker(worker: 0, workers: 1, total: 50, pages: pages, deadline: now() + 10, root: root, token: token, transport: transport)
    let start = now()
    let deadline = start + cap
    let results = await withTaskGroup(of: ([Double], Int).self) { group in
        for w in 0..<workers {
            group.addTask {
                let r = await loadWorker(worker: w, workers: workers, total: total, pages: pages, deadline: deadline, root: root,
                                         token: token, transport: transport)
                return (r.latencies, r.failures)
            }
        }
        var all: [([Double], Int)] = []
        for await r in group { all.append(r) }
        return all
    }
    let elapsed = now() - start
    await sandbox.stop()
    let latencies = results.flatMap(\.0).sorted()
    let failures = results.reduce(0) { $0 + $1.1 }
    print("(b) list pages at 100,000 orders (page_size 50, pages 1…\(pages)), \(workers) workers on loopback, one process:")
    print(String(format: "    %d requests in %.2f s%@: %.0f requests/s, p50 %.2f ms, p99 %.2f ms, max %.2f ms, %d failed",
                 latencies.count, elapsed, latencies.count < total ? " (time cap reached)" : "", Double(latencies.count) / elapsed,
                 percentile(latencies, 50) * 1000, percentile(latencies, 99) * 1000, (latencies.last ?? .nan) * 1000, failures))
}
