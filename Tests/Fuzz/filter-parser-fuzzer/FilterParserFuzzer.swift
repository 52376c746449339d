import FuzzSupport

/// libFuzzer's entry: one input through `FilterParserChecks`.
@_cdecl("LLVMFuzzerTestOneInput")
public func filterParserTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FilterParserChecks.run(UnsafeBufferPointer(start: data, count: size))
    return 0
}

/// Fuzzes the store's filter line: the parser, the server query it produces, and the reducer filtering a fixed set
/// of hostile orders while the line is typed and edited.
@main
enum FilterParserFuzzer {
    static func main() { FuzzDriver.main(filterParserTestOneInput) }
}
