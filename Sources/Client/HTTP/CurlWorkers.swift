import CCurl
import Foundation

/// A few threads, each with its own libcurl handle (so its connection stays open between requests), taking
/// exchanges from one queue. Idle threads sleep on a condition variable; a thread is started only when every
/// running one is busy, up to `maxThreads`. The threads end when `close()` is called.
final class CurlWorkers: @unchecked Sendable {
    /// One exchange waiting for a thread.
    struct Job {
        var request: HTTPRequest
        var cancel: CancelFlag
        var finish: @Sendable (Result<HTTPResponse, WaldurError>) -> Void
    }

    private let condition = NSCondition()
    private var jobs: [Job] = []
    private var head = 0
    private var threads = 0
    private var idle = 0
    private var closed = false
    let maxThreads: Int

    init(maxThreads: Int) {
        self.maxThreads = max(1, maxThreads)
        _ = CurlWorkers.globalInit
    }

    /// curl_global_init, once per process, before the first handle.
    private static let globalInit: Int32 = ccurl_global_init()

    /// Queues `job`; it runs on the next free thread.
    func submit(_ job: Job) {
        condition.lock()
        jobs.append(job)
        // A thread more when the waiting jobs outnumber the idle threads (a signalled thread may not have woken yet).
        let spawn = jobs.count - head > idle && threads < maxThreads && !closed
        if spawn { threads += 1 }
        condition.signal()
        condition.unlock()
        if spawn {
            let thread = Thread { [self] in run() }
            thread.name = "waldur-http"
            thread.start()
        }
    }

    /// Ends every thread once the queue is empty.
    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }

    private func next() -> Job? {
        condition.lock()
        defer { condition.unlock() }
        while head == jobs.count && !closed {
            idle += 1
            condition.wait()
            idle -= 1
        }
        guard head < jobs.count else {
            threads -= 1
            return nil
        }
        let job = jobs[head]
        head += 1
        if head == jobs.count {
            jobs.removeAll(keepingCapacity: true)
            head = 0
        }
        return job
    }

    private func run() {
        guard let handle = ccurl_handle_new() else {
            while let job = next() { job.finish(.failure(.transport(.other, detail: "libcurl could not make a handle"))) }
            return
        }
        defer { ccurl_handle_free(handle) }
        while let job = next() {
            if job.cancel.isSet {
                job.finish(.failure(.cancelled))
                continue
            }
            job.finish(CurlExchange.perform(job.request, handle: handle, cancel: job.cancel))
        }
    }
}

/// A flag that a task's cancellation sets and libcurl's progress callback reads on the transfer's thread.
final class CancelFlag: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<CInt>

    init() {
        pointer = .allocate(capacity: 1)
        pointer.initialize(to: 0)
    }

    deinit { pointer.deallocate() }

    /// An aligned int store: the reading thread sees it at its next progress callback.
    func set() { pointer.pointee = 1 }

    var isSet: Bool { pointer.pointee != 0 }
}
