import Foundation

/// The response examples of the accept endpoint's documentation, copied verbatim from
/// `../shared/seed/000_dd817b13482502ec.txt` into `Fixtures/`.
enum Fixture {
    static func data(_ name: String) throws -> Data {
        guard let url = Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Fixtures") else {
            throw CocoaError(.fileNoSuchFile)
        }
        return try Data(contentsOf: url)
    }

    /// The seed page, where this checkout has `../shared` beside it (developers and CI do).
    static let seedPage: String? = {
        let url = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("../shared/seed/000_dd817b13482502ec.txt").standardizedFileURL
        return try? String(contentsOf: url, encoding: .utf8)
    }()
}
