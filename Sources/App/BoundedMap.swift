/// Runs `body` for every element with at most `limit` at once; results come back in the input's order.
/// `progress` is called (on the caller's task) after each one finishes, with the number done.
func boundedMap<T: Sendable, R: Sendable>(_ items: [T], limit: Int, progress: (Int) -> Void = { _ in },
                                          _ body: @escaping @Sendable (T) async -> R) async -> [R] {
    var results = [R?](repeating: nil, count: items.count)
    await withTaskGroup(of: (Int, R).self) { group in
        var next = 0
        var done = 0
        func start() {
            guard next < items.count else { return }
            let i = next
            let item = items[i]
            next += 1
            group.addTask { (i, await body(item)) }
        }
        for _ in 0..<max(1, limit) { start() }
        while let (i, r) = await group.next() {
            results[i] = r
            done += 1
            progress(done)
            start()
        }
    }
    return results.compactMap { $0 }
}
