import TRCAAStore

extension Workspace {
    /// Reads every stored log's text to its end, as `log show` would on this store, and checks
    /// it against the SHA-256 recorded when it was stored; returns the logs that do not come
    /// back whole, with the error their reading gave. A log stored without its text (as the
    /// original app could) is no problem here: there is nothing to damage.
    public func unreadableLogs() throws -> [(log: LogFileSummary, error: any Error)] {
        try logs.list().compactMap { detail in
            let log = detail.summary
            do {
                var hasher = SHA256()
                try logs.stream(log.id) { hasher.update($0) }
                let hash = hasher.finishHex()
                guard log.contentHash.isEmpty || hash == log.contentHash else {
                    throw LogContentError.damaged(logId: log.id, reason: "its text is not the text it was stored with: "
                        + "its SHA-256 is \(hash), not \(log.contentHash)")
                }
                return nil
            } catch LogContentError.missing {
                return nil
            } catch {
                return (log, error)
            }
        }
    }
}
