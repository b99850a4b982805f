import Foundation

/// Warnings for secret-holding files that group or others can read: a token file, a client
/// secret file, or a configuration file (which may hold a client secret).
enum FilePermissions {
    static func warnings(for paths: [String]) -> [String] {
        paths.compactMap { path in
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
                  let mode = (attributes[.posixPermissions] as? NSNumber)?.intValue, mode & 0o077 != 0
            else { return nil }
            return "\(path) can be read by others (mode \(String(mode & 0o777, radix: 8))); run chmod 600 \(path)."
        }
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
