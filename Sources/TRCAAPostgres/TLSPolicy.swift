import NIOSSL
import PostgresNIO
import TRCAAStore

/// Whether and how a connection uses TLS: a connection that leaves the machine must be
/// encrypted (`sslmode=require` or stronger, `verify-full` when the URL says nothing); one
/// over a Unix socket or to a loopback address may go without.
enum TLSPolicy {
    /// - throws: `StoreError.invalidLocation` when the URL asks for less than TLS to a
    ///   remote server.
    static func tls(for url: ServerURL, treatingLoopbackAsRemote: Bool = false) throws -> PostgresConnection.Configuration.TLS {
        if case .socket = url.endpoint { return .disable }
        let local = url.isLocal && !treatingLoopbackAsRemote
        let mode = url.sslMode ?? (local ? .prefer : .verifyFull)
        switch mode {
        case .disable: guard local else { throw refusal(url, mode) }
            return .disable
        case .allow, .prefer: guard local else { throw refusal(url, mode) }
            return .prefer(try context(url, .none))
        case .require: return .require(try context(url, .none))
        case .verifyCA: return .require(try context(url, .noHostnameVerification))
        case .verifyFull: return .require(try context(url, .fullVerification))
        }
    }

    private static func refusal(_ url: ServerURL, _ mode: ServerURL.SSLMode) -> StoreError {
        .invalidLocation(url.redacted, reason: "sslmode=\(mode.rawValue) would send the password and the data unencrypted "
            + "over the network; use sslmode=require or verify-full (only a Unix socket or a loopback address may go without TLS)")
    }

    /// A client context trusting the system's roots, checking certificates as `verification` says.
    private static func context(_ url: ServerURL, _ verification: CertificateVerification) throws -> NIOSSLContext {
        var configuration = TLSConfiguration.makeClientConfiguration()
        configuration.certificateVerification = verification
        do {
            return try NIOSSLContext(configuration: configuration)
        } catch {
            throw StoreError.unreachable(server: url.redacted, reason: "TLS cannot be set up: \(error)")
        }
    }
}
