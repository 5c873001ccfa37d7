import Foundation
import Synchronization
import TRCAACore

/// The first file of `trcaa log import`, read, scanned and compressed on a thread of its own
/// while the key is derived and the store opened, so the ~0.1 s of PBKDF2 overlaps the work
/// instead of coming before it.
final class ImportReadAhead: @unchecked Sendable {
    // Unchecked: `outcome` is written by the thread before `done` is signalled and read after.
    private var outcome: Result<PreparedLog, any Error>?
    private let done = DispatchSemaphore(value: 0)
    private let cancelled = Atomic(false)

    /// Starts reading `path` at once.
    init(path: String, options: LogImportOptions, quiet: Bool) {
        let thread = Thread { [self] in
            outcome = Result {
                try LogCommand.Import.prepare(path, options: options, quiet: quiet) {
                    Interruption.requested || self.cancelled.load(ordering: .relaxed)
                }
            }
            done.signal()
        }
        thread.name = "trcaa.read-ahead"
        thread.start()
    }

    /// Waits for the file to be read; the prepared log, or what stopped it.
    func result() throws -> PreparedLog {
        done.wait()
        return try outcome!.get()  // Safe: set before the signal.
    }

    /// Stops the reading at its next block (when the store could not be opened).
    func cancel() { cancelled.store(true, ordering: .relaxed) }
}
