import Foundation

/// Reading and writing the local snapshot, off the main actor.
extension Store {
    func runSnapshot(_ effect: Effect) {
        switch effect {
        case .loadSnapshot:
            let file = snapshotFile
            track { store in
                let snapshot = await Task.detached { file?.read() }.value
                store.send(.snapshotLoaded(snapshot))
            }
        case .writeSnapshot:
            guard !snapshotWriting else {
                snapshotWriteAgain = true
                return
            }
            guard let write = preparedSnapshotWrite() else { return }
            snapshotWriting = true
            track { store in
                await write.value
                store.snapshotWriting = false
                if store.snapshotWriteAgain {
                    store.snapshotWriteAgain = false
                    store.run(.writeSnapshot)
                }
            }
        default:
            return
        }
    }

    /// Writes the snapshot now, when the loaded rows may be written, and waits for it (at exit).
    public func saveSnapshot() async {
        while snapshotWriting { await Task.yield(); try? await Task.sleep(nanoseconds: 10_000_000) }
        await preparedSnapshotWrite()?.value
    }

    /// A detached write of the current rows, or nil when there is no file or the rows may not be written yet.
    func preparedSnapshotWrite() -> Task<Void, Never>? {
        guard let file = snapshotFile, let time = state.snapshotTime else { return nil }
        let index = state.orders
        let fields = state.loadedServerQuery?.fields ?? []
        return Task.detached(priority: .utility) {
            do { try file.write(index.snapshot(identity: file.identity, at: time, fields: fields)) } catch { file.log("snapshot not written: \(error)") }
        }
    }
}
