import Testing
import WaldurClient
@testable import WaldurSandbox

@Suite("ByteJSONWriter")
struct ByteJSONWriterTests {
    @Test("writes exactly what the client's JSONWriter writes, escapes included")
    func sameAsClientWriter() {
        var samples: [JSONValue] = HostileSeeder.strings.map { .string($0) }
        samples += ["plain", "quote\"back\\slash", "é ü 東京 🚀", "\u{2028}\u{2029}", "\u{85}\u{9F}\u{A0}", "", "\u{7F}"]
        samples.append(.object([("k\u{1B}", .array([.null, .bool(false), .number("1.50"), .string("x\ny")]))]))
        for v in samples {
            var bytes: [UInt8] = []
            ByteJSONWriter.write(v, into: &bytes)
            #expect(bytes == JSONWriter.bytes(v))
        }
    }
}
