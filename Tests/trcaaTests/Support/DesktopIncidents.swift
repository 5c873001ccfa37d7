import Foundation

/// The incidents written into a desktop fixture, in the desktop app's formats, and what the
/// tests expect of them once imported.
struct DesktopIncidents {
    /// Created 2025-01-05 (critical), 2025-01-10 (high, resolved, with the logs), 2025-02-01 (low);
    /// written in another order, so numbers show whether issues came over in creation order.
    static let apiIssue = "01940000-0000-7000-8000-0000000000a1"
    static let diskIssue = "01940000-0000-7000-8000-0000000000a2"
    static let dnsIssue = "01940000-0000-7000-8000-0000000000a3"
    /// A log with its text stored (gzip, from migration 020 on), one from before 020 whose
    /// file is still there and matches, one whose file is gone.
    static let storedLog = "01940000-0000-7000-8000-0000000000b1"
    static let fileLog = "01940000-0000-7000-8000-0000000000b2"
    static let goneLog = "01940000-0000-7000-8000-0000000000b3"

    /// An image stored before migration 021: only its path, whose file is still there.
    static let pathOnlyImage = "01940000-0000-7000-8000-0000000000d3"

    static let storedText = """
        2025-01-10 08:59:58 db01 kernel: EXT4-fs error (device sda1): no space left on device
        2025-01-10 09:00:01 db01 sshd[811]: Accepted publickey for alice from 10.20.30.40 port 52144 ssh2
        2025-01-10 09:00:02 db01 app[77]: ERROR notify ops-oncall@example.com: disk usage 99%

        """
    static let fileText = "2025-01-09 23:10:00 db01 cron[12]: (root) CMD (backup to 192.168.7.9)\n"

    /// Schema levels: the TFTSR era (10 migrations, no hashes, no stored text), 022, and 022
    /// with tables of later desktop versions.
    enum Level { case tftsr, v022, later }

    /// Writes the incidents; `evidence` is a directory outside the desktop's data directory
    /// for the files logs point at.
    static func write(into fixture: DesktopFixture, level: Level, evidence: String) throws {
        try FileManager.default.createDirectory(atPath: evidence, withIntermediateDirectories: true)
        let filePath = evidence + "/cron.log"
        try Data(fileText.utf8).write(to: URL(fileURLWithPath: filePath))
        var sql = """
            INSERT INTO issues (id, title, description, severity, status, category, created_at, updated_at, resolved_at, tags)
            VALUES ('\(diskIssue)', 'Disk full on db01', 'The data volume filled up', 'high', 'resolved', 'linux',
                    '2025-01-10 09:00:00', '2025-01-11 12:00:00', '2025-01-11 12:00:00', '["disk","db01"]');
            INSERT INTO issues (id, title, severity, created_at, updated_at)
            VALUES ('\(dnsIssue)', 'Slow DNS lookups', 'low', '2025-02-01 10:00:00', '2025-02-01 10:00:00');
            INSERT INTO issues (id, title, severity, category, created_at, updated_at)
            VALUES ('\(apiIssue)', 'Checkout API returns 504', 'critical', 'application', '2025-01-05 08:00:00', '2025-01-05 08:30:00');
            INSERT INTO resolution_steps (id, issue_id, step_order, why_question, answer, created_at) VALUES
                ('01940000-0000-7000-8000-0000000000c1', '\(diskIssue)', 1, 'Why did the volume fill?', 'Backups piled up', '2025-01-10 10:00:00'),
                ('01940000-0000-7000-8000-0000000000c2', '\(diskIssue)', 2, 'Why did they pile up?', 'Rotation was off', '2025-01-10 10:05:00');
            INSERT INTO log_files (id, issue_id, file_name, file_path, file_size, content_hash, uploaded_at) VALUES
                ('\(fileLog)', '\(diskIssue)', 'cron.log', '\(filePath)', \(fileText.utf8.count),
                 '\(try DesktopFixture.sha256Hex(fileText))', '2025-01-10 09:01:00'),
                ('\(goneLog)', '\(diskIssue)', 'old.log', '\(evidence)/gone.log', 42, '\(String(repeating: "0", count: 64))',
                 '2025-01-10 09:02:00');
            INSERT INTO pii_spans (id, log_file_id, pii_type, start_offset, end_offset, original_value, replacement) VALUES
                ('p-1', '\(fileLog)', 'IPv4', 57, 68, '', '[IPv4]'), ('p-2', '\(fileLog)', 'IPv4', 57, 68, '', '[IPv4]');
            INSERT INTO audit_log (id, timestamp, action, entity_type, entity_id, details) VALUES
                ('01930000-0000-7000-8000-000000000001', '2024-12-01 10:00:00', 'upload_log_file', 'log_file', 'lf-0', '{}'),
                ('01930000-0000-7000-8000-000000000002', '2024-12-01 10:00:05', 'upload_log_file', 'log_file', 'lf-0', '{}');
            INSERT INTO settings (key, value, updated_at) VALUES ('theme', 'dark', '2025-01-01 00:00:00');
            INSERT INTO ai_conversations (id, issue_id, provider, model, created_at) VALUES
                ('01940000-0000-7000-8000-0000000000e1', '\(diskIssue)', 'ollama', 'llama3.2:3b', '2025-01-10 11:00:00');
            INSERT INTO ai_messages (id, conversation_id, role, content, created_at) VALUES
                ('01940000-0000-7000-8000-0000000000e2', '01940000-0000-7000-8000-0000000000e1', 'user', 'why?', '2025-01-10 11:00:00');

            """
        if level != .tftsr {
            let gzip = try fixture.gzipped(storedText, name: "app-\(UUID().uuidString).log")
            let png = evidence + "/graph.png"
            try Data(base64Encoded: "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==")!
                .write(to: URL(fileURLWithPath: png))
            sql += """
                INSERT INTO log_files (id, issue_id, file_name, file_path, file_size, content_hash, uploaded_at, content_compressed)
                VALUES ('\(storedLog)', '\(diskIssue)', 'app.log', 'app.log', \(storedText.utf8.count),
                        '\(try DesktopFixture.sha256Hex(storedText))', '2025-01-10 09:00:30', readfile('\(gzip)'));
                INSERT INTO timeline_events (id, issue_id, event_type, description, metadata, created_at) VALUES
                    ('01940000-0000-7000-8000-0000000000f1', '\(diskIssue)', 'triage_started', 'Triage started', '{}',
                     '2025-01-10 09:00:05 UTC');
                INSERT INTO image_attachments (id, issue_id, file_name, file_path, file_size, mime_type, upload_hash,
                                               uploaded_at, image_data)
                VALUES ('01940000-0000-7000-8000-0000000000d1', '\(diskIssue)', 'graph.png', '\(png)', 67, 'image/png',
                        '\(try DesktopFixture.sha256Hex(ofFile: png))', '2025-01-10 09:03:00', readfile('\(png)'));
                INSERT INTO image_attachments (id, issue_id, file_name, file_path, file_size, mime_type, upload_hash, uploaded_at)
                VALUES ('\(pathOnlyImage)', '\(diskIssue)', 'before-021.png', '\(png)', 67, 'image/png',
                        '\(try DesktopFixture.sha256Hex(ofFile: png))', '2025-01-10 09:04:00');
                INSERT INTO documents (id, issue_id, doc_type, title, content_md, created_at, updated_at) VALUES
                    ('01940000-0000-7000-8000-0000000000d2', '\(diskIssue)', 'rca', 'RCA: Disk full on db01', '# RCA',
                     1736499600000, 1736499600000);
                INSERT INTO credentials (id, service, token_hash, encrypted_token) VALUES
                    ('01940000-0000-7000-8000-0000000000e3', 'confluence', 'abc', 'AAECAwQFBgcICQoLehULKzQlS/FxndbA');

                """
            sql += try DesktopFixture.chainedAuditRows([
                ("01940000-0000-7000-8000-000000000011", "2025-01-10 09:00:30", "upload_log_file", #"{"issue_id":"i-1","file_name":"app.log"}"#),
                ("01940000-0000-7000-8000-000000000012", "2025-01-10 09:03:00", "upload_image_attachment", #"{"issue_id":"i-1"}"#),
                ("01940000-0000-7000-8000-000000000013", "2025-01-10 12:00:00", "generate_rca", #"{"doc_type":"rca"}"#),
            ])
        }
        if level == .later {
            sql += """
                INSERT INTO mcp_servers (id, name, url, transport_type, auth_type, env_config) VALUES
                    ('01940000-0000-7000-8000-0000000000e4', 'weather', 'http://localhost:9000', 'http', 'none', 'ZW5j');
                INSERT INTO shell_sessions (id, host) VALUES ('s-1', 'db01'), ('s-2', 'db02');
                INSERT INTO kube_contexts (id, name, cluster) VALUES ('k-1', 'prod', 'eu-1');
                INSERT INTO database_connections (id, name, engine) VALUES ('c-1', 'orders', 'postgres');

                """
        }
        try fixture.run(sql)
    }
}
