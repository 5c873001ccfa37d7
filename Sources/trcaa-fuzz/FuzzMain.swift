#if DEBUG
import Foundation

/// libFuzzer's entry point: runs the selected target on one input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    FuzzDriver.target.test(FuzzInput(bytes: Array(UnsafeBufferPointer(start: data, count: size))))
    return 0
}

/// Chooses the target once, before the first input.
@_cdecl("LLVMFuzzerInitialize")
public func fuzzInitialize(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutableRawPointer) -> CInt {
    _ = FuzzDriver.target
    return 0
}

enum FuzzDriver {
    static let target = FuzzTarget.selected(by: CommandLine.arguments)
}

#if !TRCAA_LIBFUZZER
/// Without libFuzzer (an ordinary build): runs saved inputs through a target, to replay a
/// crash under the debugger. `trcaa-fuzz --target=NAME FILE...`
@main
enum FuzzReplay {
    static func main() {
        let target = FuzzDriver.target
        for path in CommandLine.arguments.dropFirst() where !path.hasPrefix("--") {
            guard let data = FileManager.default.contents(atPath: path) else {
                FileHandle.standardError.write(Data("trcaa-fuzz: cannot read \(path)\n".utf8))
                exit(1)
            }
            target.test(FuzzInput(bytes: Array(data)))
            print("\(path): ok")
        }
    }
}
#endif
#else
/// The fuzz targets reach internal parsers through `@testable import`, which a release build
/// does not allow; `scripts/fuzz` builds them in debug.
@main
enum FuzzReplay {
    static func main() { print("trcaa-fuzz: build in debug (scripts/fuzz does)") }
}
#endif
