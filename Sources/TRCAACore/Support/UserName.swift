import Glibc

/// The login name recorded as the audit `user_id` (the original wrote `local`).
public enum UserName {
    public static let current: String = {
        if let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name {
            let text = String(cString: name)
            if !text.isEmpty { return text }
        }
        return "local"
    }()
}
