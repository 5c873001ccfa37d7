import Testing
import TRCAACore

/// `issues.tags` as written by the original app and by trcaa read back as the same list,
/// plain arrays directly and anything else through the JSON parser.
@Suite struct JSONTextTests {
    @Test(arguments: [
        ("[]", []), (" [ ] ", []), (#"["prod","db"]"#, ["prod", "db"]), ("\t[\"prod\"] ", ["prod"]), (#"[""]"#, [""]),
        (#"["a\"b","c"]"#, ["a\"b", "c"]), (#"[ "spaced" , "out" ]"#, ["spaced", "out"]), (#"["é","😀"]"#, ["é", "😀"]),
    ] as [(String, [String])])
    func stringArraysReadBack(text: String, expected: [String]) {
        #expect(JSONText.stringArray(text) == expected)
    }

    @Test(arguments: [#"["]"#, "", "prod", #"{"a":1}"#, "[1,2]", #"["a","#])
    func anythingElseIsNotAStringArray(text: String) {
        #expect(JSONText.stringArray(text) == nil)
    }
}
