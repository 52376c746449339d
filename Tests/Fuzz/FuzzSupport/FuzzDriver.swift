#if FUZZING
import CLibFuzzer
#endif
import Foundation

/// The `main` of a fuzz target. Built with `-sanitize=fuzzer -DFUZZING` it hands the process to libFuzzer's driver
/// (all libFuzzer flags apply); built plainly it replays the files (or every file of the folders) given as
/// arguments through the same entry, so a crashing input can be reproduced and debugged without the fuzzer.
public enum FuzzDriver {
    /// The signature of `LLVMFuzzerTestOneInput`.
    public typealias Entry = @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt

    public static func main(_ entry: Entry) -> Never {
        #if FUZZING
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, entry))
        #else
        let paths = CommandLine.arguments.dropFirst().filter { !$0.hasPrefix("-") }
        guard !paths.isEmpty else {
            let name = CommandLine.arguments.first.map { URL(fileURLWithPath: $0).lastPathComponent } ?? "fuzzer"
            FileHandle.standardError.write(Data("usage: \(name) FILE_OR_FOLDER...  (replays inputs; build with .ci/fuzz to fuzz)\n".utf8))
            exit(2)
        }
        var count = 0
        for path in paths {
            for file in inputFiles(path) {
                guard let data = FileManager.default.contents(atPath: file) else {
                    FileHandle.standardError.write(Data("cannot read \(file)\n".utf8))
                    exit(2)
                }
                print("replaying \(file) (\(data.count) bytes)")
                _ = [UInt8](data).withUnsafeBufferPointer { entry($0.baseAddress, $0.count) }
                count += 1
            }
        }
        print("replayed \(count) input\(count == 1 ? "" : "s"): no failure")
        exit(0)
        #endif
    }

    /// `path` itself, or the regular files of the folder `path` in name order.
    static func inputFiles(_ path: String) -> [String] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else { return [path] }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return names.sorted().map { path + "/" + $0 }.filter {
            var sub: ObjCBool = false
            return FileManager.default.fileExists(atPath: $0, isDirectory: &sub) && !sub.boolValue
        }
    }
}

/// Stops the process with `message` when an invariant does not hold: libFuzzer records the input as a crash.
public func fuzzRequire(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String,
                        file: StaticString = #fileID, line: UInt = #line) {
    if !condition() { fatalError(message(), file: file, line: line) }
}
