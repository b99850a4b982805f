import Foundation

/// Where the system's CA certificates are read from. swift-nio-ssl's default reads the bundle
/// file (`/etc/ssl/certs/ca-certificates.crt`) and parses all of its 140-odd certificates at
/// every start, about 3 ms of an https `show`. A folder of certificates named by subject hash
/// (`/etc/ssl/certs` on Debian and Ubuntu, made by update-ca-certificates from the same set as
/// the bundle) lets BoringSSL read only the certificates a server's chain asks for. Where no
/// such folder is found (Fedora's store is a bundle only), the default stays.
enum SystemTrustStore {
    static let hashedFolderCandidates = ["/etc/ssl/certs"]

    /// The first of `candidates` that holds certificates by subject hash (`5ad8a5d6.0`), or nil.
    static func hashedFolder(candidates: [String] = hashedFolderCandidates) -> String? {
        candidates.first(where: holdsHashNamedEntries)
    }

    private static func holdsHashNamedEntries(_ folder: String) -> Bool {
        guard let directory = opendir(folder) else { return false }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if isHashName(name) { return true }
        }
        return false
    }

    /// `c_rehash`'s names: eight hexadecimal digits, a dot, a number (`5ad8a5d6.0`).
    static func isHashName(_ name: String) -> Bool {
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 2 && parts[0].count == 8 && parts[0].allSatisfy(\.isHexDigit)
            && !parts[1].isEmpty && parts[1].allSatisfy { $0.isASCII && $0.isNumber }
    }
}
