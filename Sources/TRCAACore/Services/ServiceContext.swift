import TRCAAStore

/// What every service works with: the connection, the clock and who is acting.
public struct ServiceContext {
    public let database: Database
    public let clock: Clock
    /// Recorded as the audit `user_id`: the login name.
    public let user: String
    /// The logs' pseudonym maps (`RedactionTokens.numbered`), made once per log.
    public let pseudonyms: PseudonymCache

    public init(database: Database, clock: Clock = .system, user: String = UserName.current,
                pseudonyms: PseudonymCache = PseudonymCache()) {
        self.database = database
        self.clock = clock
        self.user = user
        self.pseudonyms = pseudonyms
    }

    /// The audit chain of this store.
    var audit: AuditChain { AuditChain(context: self) }
    /// The timeline writer of this store.
    var timeline: TimelineService { TimelineService(context: self) }

    /// Stamps an issue's `updated_at` after a change to it or to what it holds.
    func touchIssue(_ issueId: String, in db: Database) throws {
        try db.cachedStatement("UPDATE issues SET updated_at = ? WHERE id = ?")
            .run([.text(Timestamp.format(clock.now())), .text(issueId)])
    }
}
