/// The store's migrations by name, in the order they are applied: one list for every backend,
/// each of which supplies a body per name in its own SQL (`Migrator(catalogue:bodies:trackingTable:)`).
/// The names are the `_migrations` rows, the same on every store.
public enum MigrationNames {
    /// The original desktop app's 22 migrations (reference/trcaa-original.md §2.2).
    public static let original = [
        "001_create_issues", "002_create_log_files", "003_create_pii_spans", "004_create_ai_conversations",
        "005_create_ai_messages", "006_create_resolution_steps", "007_create_documents", "008_create_audit_log",
        "009_create_settings", "010_issues_fts", "011_create_integrations", "012_audit_hash_chain",
        "013_image_attachments", "014_create_ai_providers", "015_add_use_datastore_upload", "016_add_created_at",
        "017_create_timeline_events", "018_mcp_servers", "019_create_sudo_config",
        "020_add_log_content_compressed", "021_add_image_data", "022_attachment_views",
    ]

    /// trcaa's own, numbered from 100 (SPEC §3).
    public static let trcaa = [
        "100_issues_fts_sync", "101_indexes", "102_evidence_fts", "103_document_generations", "104_log_index",
        "105_list_order_indexes", "106_audit_chain_head", "107_issue_numbers", "108_packed_pii_spans",
        "109_log_patterns", "110_incident_records", "111_evidence_search_of_incidents", "112_log_pattern_times",
        "113_pii_run_columns", "114_log_pattern_sets", "115_search_candidates",
    ]

    /// Every migration, in order.
    public static let all = original + trcaa
}
