import Testing
@testable import TRCAACore

/// Short ids for listings: one length that tells the listed ids apart from each other and from
/// the rest of their table, so that the resolver takes each back.
@Suite struct ShortIDTests {
    @Test func theLengthGrowsUntilEveryListedIdDiffers() {
        #expect(IDResolver.distinguishingLength(["01a24a2b-5d86-7", "01a24a2b-5f19-7"]) == 11)
        #expect(IDResolver.distinguishingLength(["0000aaaa", "1111bbbb"]) == IDResolver.minimumShortID)
        #expect(IDResolver.distinguishingLength(["01a24a2b-5d86", "01a24a2b-5d86"]) == IDResolver.minimumShortID,
                "the same id twice is one id")
    }

    @Test func anIdListedAloneIsStillToldApartFromItsTableAndResolves() throws {
        let fixture = try CoreFixture()
        let issues = try (0..<3).map { try fixture.issues.create(IssueDraft(title: "issue \($0)")) }
        let db = fixture.workspace.database
        for issue in issues {
            let short = try #require(try IDResolver.shortIDs([issue.id], table: "issues", in: db).first)
            #expect(short.count >= IDResolver.minimumShortID)
            #expect(try IDResolver.resolve(short, table: "issues", kind: "issue", in: db) == issue.id)
        }
        let all = try IDResolver.shortIDs(issues.map(\.id), table: "issues", in: db)
        #expect(Set(all).count == 3 && Set(all.map(\.count)).count == 1, "one length for the listing")
    }
}
