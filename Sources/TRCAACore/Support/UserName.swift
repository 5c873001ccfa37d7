import Foundation
import Glibc

/// Who is recorded as the audit `user_id` and the author of timeline events: `TRCAA_USER` when
/// set (several analysts behind one login, a jump host), else the login name (the original
/// wrote `local`).
public enum UserName {
    public static let current: String = from(environment: ProcessInfo.processInfo.environment) ?? loginName

    /// `TRCAA_USER`, trimmed, when it names someone: not blank, at most 64 characters, no
    /// control characters.
    static func from(environment: [String: String]) -> String? {
        guard let name = environment["TRCAA_USER"]?.trimmingCharacters(in: .whitespaces), !name.isEmpty, name.count <= 64,
              !name.unicodeScalars.contains(where: { CharacterSet.controlCharacters.contains($0) }) else { return nil }
        return name
    }

    private static var loginName: String {
        if let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name {
            let text = String(cString: name)
            if !text.isEmpty { return text }
        }
        return "local"
    }
}
