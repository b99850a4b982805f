/// Small text operations in the standard library alone. Foundation's own (`trimmingCharacters`,
/// `addingPercentEncoding`, `String(format:)`) live in the part of Foundation built on NSString:
/// using any of them links that part, and CoreFoundation under it, into the program, which
/// costs every start of the release binary well over a millisecond (README, the process figures).
public enum PlainText {
    /// `text` without the white space at either end: Unicode's White_Space (spaces, tabs, line
    /// breaks) and the zero-width space, as Foundation's `.whitespacesAndNewlines`.
    public static func trimmed(_ text: some StringProtocol) -> String {
        let scalars = String(text).unicodeScalars
        guard let first = scalars.firstIndex(where: { !isSpace($0) }), let last = scalars.lastIndex(where: { !isSpace($0) })
        else { return "" }
        return String(scalars[first...last])
    }

    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace || scalar == "\u{200B}"
    }

    /// `text` with its first letter upper-case: "the accept" as "The accept".
    public static func capitalizingFirst(_ text: some StringProtocol) -> String {
        text.prefix(1).uppercased() + text.dropFirst()
    }

    /// `value` with exactly `digits` digits after the point and a `.` whatever the locale, as
    /// `String(format: "%.5f")` without a locale writes it.
    public static func fixed(_ value: Double, digits: Int) -> String {
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = (value.magnitude * scale).rounded(.toNearestOrEven)
        // Past 2^53 a double has no fraction left to show.
        guard value.isFinite, scaled < 9_007_199_254_740_992 else { return String(value) }
        let units = UInt64(scaled), divisor = UInt64(scale)
        let fraction = String(units % divisor)
        let sign = value.sign == .minus ? "-" : ""
        guard digits > 0 else { return sign + String(units) }
        return sign + String(units / divisor) + "." + String(repeating: "0", count: digits - fraction.count) + fraction
    }
}
