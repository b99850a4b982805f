import Foundation

/// Whether a host is this machine: `localhost`, or an address in 127.0.0.0/8 or `::1` (also as
/// an IPv4-mapped `::ffff:127.x.y.z`), parsed as an address. A name that merely starts with
/// `127.` (`127.attacker.example`) is not. Plain http is allowed only here, and the proxy is
/// bypassed only here.
enum Loopback {
    static func contains(host: String) -> Bool {
        var host = host.lowercased()
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        if host == "localhost" || host == "localhost." { return true }
        guard let bytes = AddressLiteral.bytes(of: host) else { return false }
        if bytes.count == 4 { return bytes[0] == 127 }
        let loopback = bytes[0..<15].allSatisfy { $0 == 0 } && bytes[15] == 1
        let mapped = bytes[0..<10].allSatisfy { $0 == 0 } && bytes[10] == 0xFF && bytes[11] == 0xFF && bytes[12] == 127
        return loopback || mapped
    }
}
