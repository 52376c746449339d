import Foundation
import OrderStore
import WaldurClient

// Store benchmark: trimmed synthetic orders (100,000 unless `--orders N`); times loading, re-filtering, queue switching
// and re-sorting through the reducer, and the resident memory per loaded order.
// Run: swift run -c release store-benchmark [--orders 1000000] [--slow MS]

func residentKiB() -> Int {
    guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return -1 }
    for line in text.split(separator: "\n") where line.hasPrefix("VmRSS:") {
        return Int(line.split(separator: " ").dropFirst().first ?? "") ?? -1
    }
    return -1
}

func nanos() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

/// CPU time of this thread (unaffected by other processes competing for the cores).
func cpuNanos() -> UInt64 {
    var ts = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
    return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
}

struct Stats {
    var wall: [Double] = []
    var cpu: [Double] = []
    var startWall: UInt64 = 0
    var startCPU: UInt64 = 0
    mutating func begin() { startCPU = cpuNanos(); startWall = nanos() }
    /// Ends a sample; with `--slow MS`, a sample over MS CPU milliseconds is printed with `label`.
    mutating func end(_ label: @autoclosure () -> String = "") {
        let w = nanos(), c = cpuNanos()
        wall.append(Double(w - startWall) / 1_000_000)
        cpu.append(Double(c - startCPU) / 1_000_000)
        if let slow = slowMS, let last = cpu.last, last > slow { print(String(format: "  slow: %7.3f ms  %@", last, label() as NSString)) }
    }
    static func median(_ v: [Double]) -> Double { let s = v.sorted(); return s.isEmpty ? 0 : s[s.count / 2] }
    static func p99(_ v: [Double]) -> Double { let s = v.sorted(); return s.isEmpty ? 0 : s[min(s.count - 1, Int(Double(s.count) * 0.99))] }
    func line(_ name: String) -> String {
        String(format: "%-40@ n=%4d  cpu median %7.3f p99 %7.3f ms | wall median %7.3f p99 %7.3f ms", name as NSString, cpu.count,
               Stats.median(cpu), Stats.p99(cpu), Stats.median(wall), Stats.p99(wall))
    }
}

/// The order count: `--orders N` (default 100,000).
func orderCount(_ arguments: [String]) -> Int {
    guard let i = arguments.firstIndex(of: "--orders") else { return 100_000 }
    guard i + 1 < arguments.count, let n = Int(arguments[i + 1].replacingOccurrences(of: "_", with: "")), n > 0 else {
        FileHandle.standardError.write(Data("usage: store-benchmark [--orders N] [--slow MS]\n".utf8))
        exit(64)
    }
    return n
}

let total = orderCount(CommandLine.arguments)
/// `--slow MS`: every sample over MS CPU milliseconds is printed (to see which keystrokes are the slow ones).
let slowMS: Double? = CommandLine.arguments.firstIndex(of: "--slow").flatMap { i in
    i + 1 < CommandLine.arguments.count ? Double(CommandLine.arguments[i + 1]) : nil
}
let now = Date(timeIntervalSince1970: 1_795_000_000)
let states: [OrderState] = [.pendingConsumer, .pendingProvider, .executing, .done, .done, .done, .erred, .canceled, .rejected]
let types: [OrderType] = [.create, .create, .update, .terminate]
let words = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliet", "kilo", "lima"]

func syntheticOrder(_ n: Int) -> Order {
    var o = Order(uuid: WaldurUUID(String(format: "%08x%024x", UInt32(truncatingIfNeeded: n &* 2_654_435_761), n)))
    o.state = states[n % states.count]
    o.type = types[n % types.count]
    o.offeringName = "\(words[n % 12].capitalized) VM \(n % 40)"
    o.offeringType = n % 3 == 0 ? "Marketplace.Slurm" : "Marketplace.Basic"
    o.offeringUUID = WaldurUUID(String(format: "%032x", 1_000_000 + n % 40))
    o.planName = ["Small", "Medium", "Large"][n % 3]
    o.projectName = "Project \(words[(n / 7) % 12]) \(n % 300)"
    o.projectUUID = WaldurUUID(String(format: "%032x", 2_000_000 + n % 300))
    o.customerName = "Customer Organisation \(n % 60)"
    o.customerUUID = WaldurUUID(String(format: "%032x", 3_000_000 + n % 60))
    o.providerName = "Provider \(n % 8)"
    o.providerUUID = WaldurUUID(String(format: "%032x", 4_000_000 + n % 8))
    o.resourceName = "res-\(words[n % 12])-\(n)"
    o.createdByUsername = "user\(n % 700)"
    o.createdByFullName = "User Number \(n % 700)"
    if n % 2 == 0 { o.consumerReviewedByUsername = "approver\(n % 30)"; o.consumerReviewedAt = now.addingTimeInterval(Double(-n * 50)) }
    o.cost = Money(text: "\(n % 997).\(String(format: "%010d", (n * 7919) % 10_000_000_000))")
    o.created = now.addingTimeInterval(Double(-n * 60))
    o.modified = now.addingTimeInterval(Double(-n * 30))
    return o
}

let rssBefore = residentKiB()
var state = AppState(configuration: StoreConfiguration(refreshInterval: 0, userQueues: [(name: "Slurm", filter: "offering:vm type:create")]), now: now)
_ = reduce(&state, .start(now: now))
var loadEffects = reduce(&state, .persistedSortLoaded(nil))
var loadStart = nanos()
let loadStartCPU = cpuNanos()
var generationCPU: UInt64 = 0
for effect in loadEffects {
    guard case let .load(request) = effect else { continue }
    switch request.purpose {
    case .full:
        var n = 0
        while n < total {
            let generating = cpuNanos()
            let page = (n..<min(total, n + 1000)).map(syntheticOrder)
            generationCPU += cpuNanos() - generating
            _ = reduce(&state, .pageLoaded(id: request.id, orders: page, totalCount: total))
            n += 1000
        }
    case .needsMeProvider:
        _ = reduce(&state, .pageLoaded(id: request.id, orders: stride(from: 1, to: total, by: 90).map(syntheticOrder), totalCount: nil))
    default: break
    }
    _ = reduce(&state, .loadFinished(id: request.id))
}
let loadMS = Double(nanos() - loadStart) / 1_000_000
let loadCPUMS = Double(cpuNanos() - loadStartCPU) / 1_000_000
let rssAfter = residentKiB()
print("store benchmark: \(state.loadedCount) orders loaded in \(String(format: "%.0f", loadMS)) ms (\((total + 999) / 1000) pages of 1,000, via the reducer)")
print(String(format: "load CPU time: %.0f ms, of which %.0f ms generating the orders of the full load: %.0f ms through the reducer",
             loadCPUMS, Double(generationCPU) / 1_000_000, loadCPUMS - Double(generationCPU) / 1_000_000))
print(String(format: "resident memory: %d KiB before, %d KiB after: %.0f bytes per loaded order", rssBefore, rssAfter,
             Double(rssAfter - rssBefore) * 1024 / Double(state.loadedCount)))
_ = reduce(&state, .selectQueue(6))

/// Types each text one character at a time (`typed` samples: new filters, no cached result) and deletes it again
/// (`erased` samples: back to earlier filters, which the store keeps cached).
@MainActor func keystrokes(_ texts: [String], typed: inout Stats, erased: inout Stats) {
    for text in texts {
        var current = ""
        for c in text {
            current.append(c)
            typed.begin()
            _ = reduce(&state, .setFilterText(current))
            typed.end("typed \"\(current)\"")
        }
        while !current.isEmpty {
            current.removeLast()
            erased.begin()
            _ = reduce(&state, .setFilterText(current))
            erased.end("erased to \"\(current)\"")
        }
    }
}

@MainActor func measure(_ name: String, _ texts: [String]) {
    var typed = Stats(), erased = Stats()
    keystrokes(texts, typed: &typed, erased: &erased)
    print(typed.line("re-filter, \(name), typing"))
    print(erased.line("re-filter, \(name), backspace"))
}

measure("free word", ["hotel", "user12", "proj", "res-kilo-99", "india", "user345", "custo", "res-lima-123", "golf",
                      "user6", "provider 3", "res-echo-4", "juliet", "number 69", "small", "res-bravo-77"])
measure("state: term", ["state:erred", "state:pending", "-state:done", "state:executing", "!state:canceled", "state:rejected,done"])
measure("cost> term", ["cost>100", "cost<=5.5", "cost>990.25", "cost>=42.125", "cost<7", "cost>333.3"])
measure("three terms", ["state:done bravo cost>500", "type:update kilo cost<20", "-state:erred echo cost>=900"])

var queues = Stats()
_ = reduce(&state, .setFilterText("vm"))
for round in 0..<30 {
    for q in 0..<state.queues.count {
        queues.begin()
        _ = reduce(&state, .selectQueue((q + round) % state.queues.count))
        queues.end("queue \((q + round) % state.queues.count)")
    }
}
print(queues.line("switch queue (filter \"vm\" applied)"))

var sorts = Stats()
_ = reduce(&state, .setFilterText(""))
_ = reduce(&state, .selectQueue(6))
for _ in 0..<3 {
    for key in SortKey.allCases {
        for asc in [true, false] {
            sorts.begin()
            _ = reduce(&state, .sort(by: key, ascending: asc))
            sorts.end("sort \(key) \(asc)")
        }
    }
}
print(sorts.line("re-sort (every column, both directions)"))
print("load average: \((try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.prefix(14) ?? "?") (2 cores shared; wall times include waiting for a core)")
print("visible after all: \(state.visibleCount); selected: \(state.selectedRow?.shortUUID ?? "-")")
