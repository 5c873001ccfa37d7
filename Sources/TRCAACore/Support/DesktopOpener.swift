import Glibc

/// Hands a file to the desktop's default application (`xdg-open`), where there is a desktop:
/// over SSH without X forwarding there is none, and callers say so instead.
public enum DesktopOpener {
    /// Why the file cannot be opened here, or nil when it can.
    public static func unavailableReason(environment: [String: String]) -> String? {
        guard environment["DISPLAY"]?.isEmpty == false || environment["WAYLAND_DISPLAY"]?.isEmpty == false else {
            return "no graphical display here (DISPLAY is not set)"
        }
        guard ForegroundCommand.executable("xdg-open", path: environment["PATH"]) != nil else {
            return "xdg-open is not installed"
        }
        return nil
    }

    /// Runs `xdg-open file` and waits for it (it returns once the application has started).
    /// - returns: its exit status.
    public static func open(_ file: String, environment: [String: String]) throws -> Int32 {
        guard let program = ForegroundCommand.executable("xdg-open", path: environment["PATH"]) else {
            throw TriageError.editorUnavailable(command: "xdg-open")
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // Its messages must not land on the full-screen interface.
        for descriptor: Int32 in [0, 1, 2] {
            posix_spawn_file_actions_addopen(&actions, descriptor, "/dev/null", descriptor == 0 ? O_RDONLY : O_WRONLY, 0)
        }
        return try ForegroundCommand.spawnAndWait([program, file], environment: environment, fileActions: &actions,
                                                  attributes: nil)
    }
}
