import Glibc
import NIOCore
import NIOPosix
import PostgresNIO
import TRCAAStore

extension StoreError {
    /// Classifies a failure of postgres-nio for the store at `url`: lock waits and
    /// serialisation failures are `.busy`, a refused login `.loginRefused`, a missing or
    /// broken connection `.unreachable`, anything else the server says `.server`.
    init(postgres error: any Error, url: ServerURL, sql: String?) {
        let server = url.redacted
        guard let error = error as? PSQLError else {
            self = .unreachable(server: server, reason: Self.reason(error))
            return
        }
        switch error.code {
        case .server:
            self.init(sqlState: error.serverInfo?[.sqlState] ?? "XX000",
                      message: error.serverInfo?[.message] ?? "no message", url: url, sql: sql)
        case .sslUnsupported:
            self = .unreachable(server: server, reason: "the server does not offer TLS")
        case .authMechanismRequiresPassword:
            self = .loginRefused(server: server, reason: "the server asks for a password and none was given")
        case .unsupportedAuthMechanism, .saslError:
            self = .loginRefused(server: server, reason: "the login failed (\(error.code))")
        case .queryCancelled:
            self = .server(ServerFailure(sqlState: "57014", message: "the statement was cancelled", sql: sql))
        case .tooManyParameters:
            self = .server(ServerFailure(sqlState: "54023", message: "more than 65535 parameters", sql: sql))
        default:
            self = .unreachable(server: server, reason: error.underlying.map(Self.reason) ?? "\(error.code)")
        }
    }

    /// What the server's SQLSTATE means for the caller.
    init(sqlState: String, message: String, url: ServerURL, sql: String?) {
        let server = url.redacted
        switch sqlState {
        case "55P03", "40P01", "40001": self = .busy(path: server)  // lock timeout, deadlock, serialisation
        case "28P01", "28000": self = .loginRefused(server: server, reason: message)
        case "3D000": self = .unsuitableDatabase(server: server, reason: message, remedy: Self.createDatabase(url))
        case "57P01", "57P02", "57P03": self = .unreachable(server: server, reason: message)
        case _ where sqlState.hasPrefix("08"): self = .unreachable(server: server, reason: message)
        default: self = .server(ServerFailure(sqlState: sqlState, message: message, sql: sql))
        }
    }

    /// How an administrator creates the database a store needs (byte-order text comparison).
    static func createDatabase(_ url: ServerURL) -> String {
        let name = "\"" + url.database.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        return "create it with: CREATE DATABASE \(name) LC_COLLATE 'C' TEMPLATE template0"
    }

    /// A connection failure in a few words.
    private static func reason(_ error: any Error) -> String {
        switch error {
        case let error as IOError: return String(cString: strerror(error.errnoCode))
        case let error as NIOConnectionError:
            if let first = error.connectionErrors.first { return reason(first.error) }
            return error.dnsAError != nil || error.dnsAAAAError != nil ? "the host name does not resolve" : "\(error)"
        case let error as ChannelError:
            guard case .connectTimeout(let time) = error else { return "\(error)" }
            return "no answer within \(time.nanoseconds / 1_000_000_000) s"
        case let error as PSQLError: return error.underlying.map(reason) ?? "\(error.code)"
        default: return "\(error)"
        }
    }
}
