import FuzzSupport

/// libFuzzer's entry: one input through `OrderDecodingChecks`.
@_cdecl("LLVMFuzzerTestOneInput")
public func orderDecodingTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    OrderDecodingChecks.run(UnsafeBufferPointer(start: data, count: size))
    return 0
}

/// Fuzzes bytes → `JSONParser` → `Order`/`Order.list`/`Offering`, with the writer and order re-encoding round trips.
@main
enum OrderDecodingFuzzer {
    static func main() { FuzzDriver.main(orderDecodingTestOneInput) }
}
