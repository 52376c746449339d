import Foundation
import Testing

/// What the argument parser answers to two common mistakes (issue 12): a token given as a flag, a negative limit.
@Suite struct ArgumentMessageTests {
    @Test func aTokenFlagIsRefusedWithWhereTokensComeFrom() throws {
        for args in [["--token", "abc"], ["--token=abc"], ["list", "--token", "abc"]] {
            let result = try Binary.run(args, environment: ["WALDUR_API_URL": "http://127.0.0.1:9/"])
            #expect(result.status != 0)
            #expect(result.stderr.contains("never taken as flags"), "\(args): \(result.stderr)")
            #expect(result.stderr.contains("--token-file"))
            #expect(result.stderr.contains("WALDUR_ACCESS_TOKEN"))
            #expect(result.stderr.contains("credentials.toml"))
            #expect(!result.stderr.contains("Did you mean"))
            #expect(!result.stderr.contains("abc"), "the token is not echoed")
        }
    }

    @Test func aNegativeLimitSaysItMustBePositive() throws {
        let result = try Binary.run(["list", "--limit", "-3"], environment: ["WALDUR_API_URL": "http://127.0.0.1:9/"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("the limit must be a positive number"), "\(result.stderr)")
        #expect(!result.stderr.contains("Missing value"))
        let zero = try Binary.run(["list", "--limit", "0"], environment: ["WALDUR_API_URL": "http://127.0.0.1:9/"])
        #expect(zero.stderr.contains("the limit must be a positive number"), "\(zero.stderr)")
    }
}
