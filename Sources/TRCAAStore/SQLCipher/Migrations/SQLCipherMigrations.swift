extension Migrator {
    /// The SQLCipher store's migrations: a body in SQLite's SQL for every name of the catalogue.
    public static let trcaa = Migrator(catalogue: MigrationNames.all, bodies: [
        .createIssues, .createLogFiles, .createPIISpans, .createAIConversations, .createAIMessages,
        .createResolutionSteps, .createDocuments, .createAuditLog, .createSettings, .issuesFTS,
        .createIntegrations, .auditHashChain, .imageAttachments, .createAIProviders, .addUseDatastoreUpload,
        .addCreatedAt, .createTimelineEvents, .mcpServers, .createSudoConfig, .addLogContentCompressed,
        .addImageData, .attachmentViews,
        .issuesFTSSync, .indexes, .evidenceFTS, .documentGenerations, .logIndex, .listOrderIndexes,
        .auditChainHead, .issueNumbers, .packedPIISpans, .logPatterns, .incidentRecords, .evidenceSearchOfIncidents,
        .logPatternTimes, .piiRunColumns, .logPatternSets, .searchCandidates,
    ], trackingTable: """
        CREATE TABLE IF NOT EXISTS _migrations (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            applied_at TEXT NOT NULL DEFAULT (datetime('now'))
        )
        """)
}
