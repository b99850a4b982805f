import Foundation

/// An HTTP proxy that https requests go through by `CONNECT` tunnel, from the environment as
/// curl reads it: `https_proxy` (or `HTTPS_PROXY`), except for the hosts in `no_proxy` (or
/// `NO_PROXY`: names, `.domain` suffixes, `*` for all) and loopback addresses.
public struct HTTPProxy: Sendable, Hashable, CustomStringConvertible {
    public var host: String
    public var port: Int
    /// `Proxy-Authorization` for a proxy URL with a user name (`http://user:secret@proxy:3128`).
    var authorization: String?

    /// `host:port`, never the credentials.
    public var description: String { "\(host):\(port)" }

    /// The proxy for an https request to `host`, if the environment names one.
    public static func forHTTPS(to host: String, environment: [String: String]) -> HTTPProxy? {
        guard let setting = environment["https_proxy"] ?? environment["HTTPS_PROXY"], !setting.isEmpty,
              !bypasses(host, environment["no_proxy"] ?? environment["NO_PROXY"] ?? "")
        else { return nil }
        // A bare `proxy:3128` means http://proxy:3128, as curl reads it.
        guard let url = URL(string: setting.firstRange(of: "://") != nil ? setting : "http://" + setting),
              url.scheme?.lowercased() == "http", let proxyHost = url.host, !proxyHost.isEmpty
        else { return nil }
        let authorization = url.user(percentEncoded: false).map { user in
            let credentials = "\(user):\(url.password(percentEncoded: false) ?? "")"
            return "Basic " + Data(credentials.utf8).base64EncodedString()
        }
        return HTTPProxy(host: proxyHost, port: url.port ?? 80, authorization: authorization)
    }

    private static func bypasses(_ host: String, _ noProxy: String) -> Bool {
        let host = host.lowercased()
        if Loopback.contains(host: host) { return true }
        return noProxy.split(separator: ",").contains { entry in
            let entry = PlainText.trimmed(entry).lowercased()
            if entry == "*" { return true }
            let domain = entry.hasPrefix(".") ? String(entry.dropFirst()) : entry
            return !domain.isEmpty && (host == domain || host.hasSuffix("." + domain))
        }
    }
}
