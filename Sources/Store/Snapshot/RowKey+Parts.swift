extension RowKey {
    /// A key from its two halves and kind, as a snapshot stores it.
    init(hi: UInt64, lo: UInt64, irregular: Bool) {
        self.hi = hi
        self.lo = lo
        self.irregular = irregular
    }
}
