import Foundation

/// An IP address written as a host (`192.0.2.10`, `::1`, `[::1]`), parsed as an address: a
/// name that merely looks like one (`127.attacker.example`) is not.
enum AddressLiteral {
    /// The address in network order: 4 bytes for IPv4, 16 for IPv6; nil for a name.
    static func bytes(of host: String) -> [UInt8]? {
        var host = host
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        var v4 = in_addr()
        if inet_pton(AF_INET, host, &v4) == 1 { return withUnsafeBytes(of: &v4) { Array($0) } }
        var v6 = in6_addr()
        if inet_pton(AF_INET6, host, &v6) == 1 { return withUnsafeBytes(of: &v6) { Array($0) } }
        return nil
    }
}
