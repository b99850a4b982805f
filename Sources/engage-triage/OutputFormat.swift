import EngageAPI
import Foundation
import TriageCore

/// Printing results on standard output: the API's `data` as JSON, or text for people.
enum OutputFormat {
    /// Pretty, key-sorted JSON in the API's own shape (date-times with milliseconds, explicit nulls).
    static func printJSON(_ value: some Encodable) throws {
        var data = try EngageJSON.encoder(pretty: true).encode(value)
        data.append(0x0A)
        StandardOutput.write(data)
    }

    static func printLines(_ lines: [String]) {
        StandardOutput.write(lines.map { $0 + "\n" }.joined().utf8)
    }

    /// Lines for a standard output that may be gone (the SSH session dropped): whatever fails is
    /// left unsaid rather than ending the process.
    static func printLinesIgnoringErrors(_ lines: [String]) {
        StandardOutput.write(lines.map { $0 + "\n" }.joined().utf8, to: STDOUT_FILENO)
    }

    /// Sections as a heading and aligned `label  value` lines; multi-line values stay indented.
    static func detailLines(_ sections: [DetailSection]) -> [String] {
        sections.enumerated().flatMap { index, section -> [String] in
            let labelWidth = section.fields.map { DisplayWidth.of($0.label) }.max() ?? 0
            let fields = section.fields.flatMap { field -> [String] in
                let valueLines = field.value.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                let first = "  " + DisplayWidth.fit(field.label, to: labelWidth) + "  " + (valueLines.first ?? "")
                let rest = valueLines.dropFirst().map { String(repeating: " ", count: labelWidth + 4) + $0 }
                return [first] + rest
            }
            return (index == 0 ? [] : [""]) + [section.title] + fields
        }
    }

    /// The `list` table: one row per appointment, times in the user's time zone, what it refers
    /// to by name where `names` has one (by id where not).
    static func tableLines(_ appointments: [Appointment], names: NameBook, time: TimeDisplay) -> [String] {
        let table = TextTable(columns: [
            .init("ID", maxWidth: 12), .init("START", maxWidth: 20), .init("STATUS", maxWidth: 26),
            .init("TYPE", maxWidth: 11), .init("CUSTOMER", maxWidth: 24), .init("SUBJECT", maxWidth: 24),
            .init("OFFICE", maxWidth: 20), .init("EMPLOYEE", maxWidth: 20), .init("CITY", maxWidth: 18),
        ])
        func named(_ kind: NameKind, _ id: String?) -> String {
            id.map { names.name(kind, $0)?.text ?? $0 } ?? ""
        }
        return table.render(appointments.map { appointment in
            [
                appointment.id,
                appointment.start.map(time.dateTime) ?? "no time yet",
                appointment.status.rawValue,
                appointment.meetingType.rawValue,
                named(.customer, appointment.customer?.participant.id),
                named(.subject, appointment.subject.id),
                named(.office, appointment.office.id),
                named(.employee, appointment.primaryEmployee?.participant.id),
                appointment.location?.city?.value ?? "",
            ]
        })
    }
}
