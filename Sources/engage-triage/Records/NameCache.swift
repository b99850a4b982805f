import EngageAPI
import Foundation
import TriageCore

/// The names of subjects, offices and employees kept between sessions, so that a new session
/// shows them at once: one file per tenant and language under `$XDG_CACHE_HOME/engage-triage/`,
/// mode 0600, each name fetched again a day after it was. Customers are never written: their
/// names are personal data of the tenant's customers (`NameKind.mayBeCached`).
struct NameCache {
    /// A name on disk.
    private struct Entry: Codable {
        var kind: NameKind
        var id: String
        var language: Language?
        /// `nil`: the server has no name for it (in this language).
        var text: String?
        var detail: String?
        var fetchedAt: Date
    }

    private struct File: Codable {
        var version = 1
        var entries: [Entry]
    }

    /// How long a kept name is shown before it is fetched again.
    static let lifetime: TimeInterval = 86_400

    let file: URL
    /// When each name read from the file was fetched (kept when it is written back).
    private var fetched: [NameKey: Date] = [:]

    /// The cache of `tenant` (the base URL, or "demo") in `language` (the Accept-Language).
    init(tenant: String, language: String, environment: [String: String] = ProcessEnvironment.current) {
        let name = "names-\(Self.fileNamePart(tenant))-\(Self.fileNamePart(language)).json"
        file = StateDirectory.cacheURL(environment: environment).appendingPathComponent(name)
    }

    /// The names fetched less than a day before `now`; nothing when the file is missing or broken.
    mutating func load(now: Date = Date()) -> [NameKey: NameBook.Entry] {
        guard let data = try? Data(contentsOf: file),
              let stored = try? JSONDecoder().decode(File.self, from: data), stored.version == 1 else { return [:] }
        var names: [NameKey: NameBook.Entry] = [:]
        for entry in stored.entries where entry.kind.mayBeCached && now.timeIntervalSince(entry.fetchedAt) < Self.lifetime {
            let key = NameKey(entry.kind, entry.id, language: entry.language)
            names[key] = entry.text.map { .named(Name($0, detail: entry.detail)) } ?? NameBook.Entry.none
            fetched[key] = entry.fetchedAt
        }
        return names
    }

    /// Writes the names of `book` that may be kept (never customers), replacing the file whole
    /// (written aside, then renamed, created 0600). Failing to write is not an error worth more
    /// than a log line: the names are fetched again next time.
    func save(_ book: NameBook, now: Date = Date()) throws {
        let entries = book.entries.compactMap { key, entry -> Entry? in
            guard key.kind.mayBeCached else { return nil }
            let name: Name? = if case .named(let name) = entry { name } else { nil }
            return Entry(kind: key.kind, id: key.id, language: key.language, text: name?.text, detail: name?.detail,
                         fetchedAt: fetched[key] ?? now)
        }.sorted { ($0.kind.rawValue, $0.id) < ($1.kind.rawValue, $1.id) }
        let folder = try StateDirectory.create(file.deletingLastPathComponent())
        let temporary = folder.appendingPathComponent(".\(file.lastPathComponent).\(getpid())")
        let data = try JSONEncoder().encode(File(entries: entries))
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        let written = data.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        close(descriptor)
        guard written == data.count, rename(temporary.path, file.path) == 0 else {
            unlink(temporary.path)
            throw POSIXError(.EIO)
        }
    }

    /// Letters, digits, dots and dashes; anything else becomes `_` (a URL, `ja, en;q=0.8`).
    private static func fileNamePart(_ text: String) -> String {
        String(text.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "-") ? $0 : "_" }.prefix(80))
    }
}
