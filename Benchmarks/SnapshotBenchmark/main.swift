import Foundation
import OrderStore
import WaldurClient

// Snapshot benchmark (issue 14): writes and reads a synthetic snapshot of N orders and installs it in the store's
// state, as the screen's second start does. Prints write time, read time (file to rows), install time (rows to a
// drawable list) as wall and thread CPU seconds, file size and bytes per row. Run: swift run -c release snapshot-benchmark [N …] (default 100000 1000000)

/// CPU seconds of this thread (what other processes on a shared host cannot inflate).
func threadCPU() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

/// Wall and CPU seconds of `body`.
func seconds(_ body: () throws -> Void) rethrows -> (wall: Double, cpu: Double) {
    let start = DispatchTime.now().uptimeNanoseconds, cpu = threadCPU()
    try body()
    return (Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9, threadCPU() - cpu)
}

let now = Date(timeIntervalSince1970: 1_795_000_000)
let stateCycle: [OrderState] = [.done, .pendingConsumer, .done, .executing, .pendingProvider, .done, .erred, .canceled, .done, .rejected]
let animals = ["otter", "lynx", "heron", "bison", "gecko", "moose", "raven", "shrew"]

/// One synthetic order: shared names (offerings, projects, customers, people) and per-order ones (resource, backend id).
func order(_ n: Int) -> Order {
    var o = Order(uuid: WaldurUUID(String(format: "%016llx%016llx", UInt64(n) &* 0x9E37_79B9_7F4A_7C15, UInt64(n))))
    o.state = stateCycle[n % stateCycle.count]
    o.type = n % 5 == 0 ? .update : .create
    o.offeringName = "\(animals[n % 8]) cluster \(n % 50)"
    o.offeringType = n % 2 == 0 ? "Marketplace.Slurm" : "OpenStack.Tenant"
    o.offeringUUID = WaldurUUID(String(format: "%032x", 10_000 + n % 50))
    o.planName = ["S", "M", "L", "XL"][n % 4]
    o.projectName = "project \(animals[(n / 3) % 8]) \(n % 400)"
    o.projectUUID = WaldurUUID(String(format: "%032x", 20_000 + n % 400))
    o.customerName = "organisation \(n % 80)"
    o.customerUUID = WaldurUUID(String(format: "%032x", 30_000 + n % 80))
    o.providerName = "provider \(n % 10)"
    o.providerUUID = WaldurUUID(String(format: "%032x", 40_000 + n % 10))
    o.resourceName = "\(animals[n % 8])-\(n)"
    o.backendID = n % 3 == 0 ? "job-\(n)" : nil
    o.createdByUsername = "person\(n % 900)"
    o.createdByFullName = "Person \(n % 900)"
    if n % 3 != 1 { o.consumerReviewedByUsername = "reviewer\(n % 40)"; o.consumerReviewedAt = now.addingTimeInterval(Double(-n * 40)) }
    if o.state == .erred { o.errorMessage = "Job \(n) failed: node \(n % 64) unreachable" }
    o.cost = Money(text: "\(n % 1000).\(String(format: "%02d", n % 100))")
    o.created = now.addingTimeInterval(Double(-n * 60))
    o.modified = now.addingTimeInterval(Double(-n * 20))
    return o
}

let counts = CommandLine.arguments.dropFirst().compactMap { Int($0) }
let identity = SnapshotIdentity(server: "https://waldur.example.com/api/", user: "benchmark")
let directory = FileManager.default.temporaryDirectory.appendingPathComponent("snapshot-benchmark-\(getpid())")
for total in counts.isEmpty ? [100_000, 1_000_000] : counts {
    let file = SnapshotFile(directory: directory, identity: identity, log: { print("log: \($0)") })
    let snapshot = OrderSnapshot(identity: identity, writtenAt: now, orders: (0..<total).map(order))
    var size = 0
    let write = try seconds { size = try file.write(snapshot) }
    var read: OrderSnapshot?
    let load = seconds { read = file.read() }
    guard let read, read.header.rowCount == total else { fatalError("the snapshot did not read back") }
    var state = AppState(configuration: StoreConfiguration(refreshInterval: 0, startsFromSnapshot: true), now: now)
    _ = reduce(&state, .start(now: now))
    _ = reduce(&state, .persistedSortLoaded(nil))
    let install = seconds { _ = reduce(&state, .snapshotLoaded(read)) }
    guard state.loadedCount == total else { fatalError("the rows were not installed") }
    print(String(format: "%9d orders: write %.3f s (cpu %.3f), read %.3f s (cpu %.3f), install %.3f s (cpu %.3f), read + install %.3f s, "
                 + "%.1f MB, %.1f bytes/order", total, write.wall, write.cpu, load.wall, load.cpu, install.wall, install.cpu,
                 load.wall + install.wall, Double(size) / 1e6, Double(size) / Double(total)))
    file.remove()
}
try? FileManager.default.removeItem(at: directory)
