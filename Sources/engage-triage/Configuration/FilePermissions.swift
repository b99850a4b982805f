import Foundation

/// Warnings for secret-holding files that group or others can read: a token file, a client
/// secret file, or a configuration file (which may hold a client secret).
enum FilePermissions {
    static func warnings(for paths: [String]) -> [String] {
        paths.compactMap { path in
            guard let mode = mode(of: path), mode & 0o077 != 0 else { return nil }
            return "\(path) can be read by others (mode \(String(mode & 0o777, radix: 8))); run chmod 600 \(path)."
        }
    }

    /// Why a configuration file whose `tokenCommand` would be run cannot be trusted: the group or
    /// others can write it, so they could make this user run any command (ssh refuses such a
    /// config the same way). Nil when only its owner can change it.
    static func commandProblem(configuration path: String) -> String? {
        guard let mode = mode(of: path), mode & 0o022 != 0 else { return nil }
        return "\(path) holds a tokenCommand but others can change it (mode \(String(mode & 0o777, radix: 8))): "
            + "refusing to run it; run chmod 600 \(path)."
    }

    private static func mode(of path: String) -> Int? {
        var status = stat()
        return stat(path, &status) == 0 ? Int(status.st_mode & 0o7777) : nil
    }
}

extension Settings {
    /// The files holding a secret that the settings read.
    var secretFiles: [String] {
        switch tokenSource {
        case .file(let path)?: [path]
        case .clientCredentials(_, .file(let path), _)?: [path]
        default: []
        }
    }
}
