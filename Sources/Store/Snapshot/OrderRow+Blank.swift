extension OrderRow {
    /// A row with only its key and codes set (every name empty, no cost, no dates): the start of a row read from disk.
    init(key: RowKey, stateCode: UInt8, typeCode: UInt8) {
        self.key = key
        self.stateCode = stateCode
        self.typeCode = typeCode
    }
}
