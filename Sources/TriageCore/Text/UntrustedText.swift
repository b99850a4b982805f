/// The one sanitiser every string from the network passes before it reaches a terminal.
///
/// A hostile `internalNotes` must never move the cursor, retitle the window or recolour the
/// screen, and a bidi override must not reorder what the user reads. Control characters become
/// visible placeholders, so the user still sees that something was there:
/// C0 controls and DEL become their Control Pictures (ESC reads `␛`), C1 controls and bidi
/// overrides/isolates become `�`. The text after an ESC stays, as harmless printable text.
public enum UntrustedText {
    /// A terminal-safe version of `text`. Tabs become spaces and carriage returns are dropped;
    /// newlines are kept when `multiline`, else they become spaces.
    public static func sanitize(_ text: String, multiline: Bool = false) -> String {
        if DisplayWidth.isPrintableASCII(text) { return text }  // the common case, checked on bytes
        guard text.unicodeScalars.contains(where: needsReplacement) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0A: result.append(multiline ? scalar : " ")
            case 0x09: result.append(" ")
            case 0x0D: continue
            case 0x00..<0x20: result.append(Unicode.Scalar(0x2400 + scalar.value)!)
            case 0x7F: result.append("\u{2421}")
            default: result.append(needsReplacement(scalar) ? "\u{FFFD}" : scalar)
            }
        }
        return String(result)
    }

    /// Whether the scalar could control a terminal or reorder text.
    static func needsReplacement(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00..<0x20, 0x7F..<0xA0: true
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }
}
