import Foundation

/// The audit lines the binary wrote under a state folder (`…/engage-triage/audit.jsonl`), parsed.
enum AuditTrail {
    static func records(inStateHome state: URL) throws -> [[String: String]] {
        let text = try String(contentsOf: state.appendingPathComponent("engage-triage/audit.jsonl"), encoding: .utf8)
        return try text.split(separator: "\n").map { line in
            try JSONDecoder().decode([String: String].self, from: Data(line.utf8))
        }
    }
}
