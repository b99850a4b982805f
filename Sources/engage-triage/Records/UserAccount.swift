#if canImport(Glibc)
import Glibc
#endif

/// The user this process runs as, read from the password database: what Foundation's
/// `NSUserName()` and `NSHomeDirectory()` give, without linking Foundation's NSString layer.
enum UserAccount {
    /// The login name; the numeric user id when the database has no entry for it.
    static var name: String { entry?.name ?? String(getuid()) }

    /// The home folder; `/` when the database has no entry.
    static var home: String { entry?.home ?? "/" }

    /// The database's entry, read once (an accept writes two audit lines; the state folder and
    /// the audit both may ask).
    private static let entry = readEntry()

    private static func readEntry() -> (name: String, home: String)? {
        var record = passwd()
        var found: UnsafeMutablePointer<passwd>?
        var buffer = [CChar](repeating: 0, count: 16_384)
        guard getpwuid_r(getuid(), &record, &buffer, buffer.count, &found) == 0, found != nil,
              let name = record.pw_name, let home = record.pw_dir
        else { return nil }
        return (String(cString: name), String(cString: home))
    }
}
