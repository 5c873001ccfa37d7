import Testing
import TRCAACore

/// Where the message starts, on lines written from each format's definition: the header is
/// found from its shapes, never from a format named in advance.
@Suite struct MessageHeaderTests {
    private func message(_ line: String) -> String {
        let bytes = Array(line.utf8)
        let start = bytes.withUnsafeBufferPointer { MessageHeader.messageStart($0) }
        return String(decoding: bytes[start...], as: UTF8.self)
    }

    @Test(arguments: [
        // syslog: time, host, program[pid]:
        ("Mar  3 07:01:22 web01 sshd[4121]: Accepted publickey for deploy", "Accepted publickey for deploy"),
        ("Mar  3 07:01:22 web01 kernel: eth0 link up", "eth0 link up"),
        // log4j: time, level, [thread], logger:
        ("2024-02-11 08:15:02,331 WARN [worker 3] com.acme.Queue: queue depth 52 over limit", "queue depth 52 over limit"),
        ("24/02/11 08:15:02 INFO storage.BlockManager: Removed block 7", "Removed block 7"),
        // time - LEVEL [thread:class@line] - message
        ("2024-02-11 08:15:02,331 - ERROR [SyncThread:0:FileTxnLog@339] - fsync took 1200ms", "fsync took 1200ms"),
        // logcat: date time pid tid level tag:
        ("02-11 08:15:02.331  1200  1311 I ActivityManager: Start proc 4242", "Start proc 4242"),
        // Apache: [date] [level] [client]
        ("[Sun Feb 11 08:15:02 2024] [error] [client 10.1.2.3] File does not exist: /var/www/x", "File does not exist: /var/www/x"),
        // Fields before an epoch timestamp, then a flag.
        ("77012 node-12 net link.state 1707639302 1 Link down on port 3", "Link down on port 3"),
        ("77013 node-12 gige temperature 1707639302 1 warning", "warning"),
        // Label, epoch, date, node, dotted time, node, type, component, level.
        ("- 1707639302 2024.02.11 R01-M0-N2 2024-02-11-08.15.02.331000 R01-M0-N2 RAS KERNEL INFO cache parity error corrected",
         "cache parity error corrected"),
        // time|component|pid|message
        ("20240211-08:15:02:331|Step_Counter|4242|onStepChanged 120", "onStepChanged 120"),
        // Windows CBS: the component column stays with the message.
        ("2024-02-11 08:15:02, Info                  CBS    Session initialized by client", "CBS    Session initialized by client"),
        // file name, time, pid, level, logger [request context]
        ("nova-api.log.1 2024-02-11 08:15:02.331 2931 INFO nova.compute.manager [req-1 - - -] Instance spawned", "Instance spawned"),
        // yymmdd hhmmss pid level component:
        ("240211 081502 148 INFO dfs.DataNode: Receiving block blk_42", "Receiving block blk_42"),
        ("[02.11 08:15:02] app.exe - example.org:443 open through proxy", "app.exe - example.org:443 open through proxy"),
        // No timestamp near the start: all message.
        ("plain message without a header 42", "plain message without a header 42"),
        ("    at com.acme.Main.run(Main.java:42)", "at com.acme.Main.run(Main.java:42)"),
    ])
    func theHeaderIsSetAside(_ line: String, _ expected: String) {
        #expect(message(line) == expected)
    }

    @Test func aHeaderAloneLeavesAnEmptyMessage() {
        #expect(message("2024-02-11 08:15:02,331 INFO") == "")
    }
}
