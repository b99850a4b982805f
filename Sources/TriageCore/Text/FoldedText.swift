import Synchronization

/// Text as the filter and the name sorts compare it: case and accents folded away, so `amelie`
/// finds `Amélie` and `dubois` finds `DUBOIS` (`ß` reads as `ss`, ligatures as their letters),
/// and full-width letters read as ASCII: as Foundation's `folding` with `caseInsensitive`,
/// `diacriticInsensitive` and `widthInsensitive` (the tests compare the two).
enum FoldedText {
    static func fold(_ text: String) -> String {
        // ASCII: only its capitals change, and nothing needs decomposing.
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            return String(decoding: text.utf8.map(lowercasedASCII), as: UTF8.self)
        }
        var folded = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                folded.append(Unicode.Scalar(lowercasedASCII(UInt8(scalar.value))))
            } else {
                folded.append(contentsOf: foldedScalars.withLock { cache in
                    if let known = cache[scalar] { return known }
                    let result = fold(scalar)
                    cache[scalar] = result
                    return result
                })
            }
        }
        return String(folded)
    }

    /// What each non-ASCII scalar folds to, as it is met: a name has few, and a tenant's names
    /// share them (folding them afresh each time made the filter's index three times slower).
    private static let foldedScalars = Mutex<[Unicode.Scalar: String.UnicodeScalarView]>([:])

    /// One scalar decomposed (`é` as `e` and U+0301), its marks dropped, full-width ASCII forms
    /// (`Ａ`, U+FF21) narrowed and the rest case-folded. A mark typed apart folds to nothing.
    private static func fold(_ scalar: Unicode.Scalar) -> String.UnicodeScalarView {
        var folded = String.UnicodeScalarView()
        for part in UnicodeDecomposition.canonical(String(scalar))
        where ![.nonspacingMark, .enclosingMark].contains(part.properties.generalCategory) {
            let narrow = (0xFF01...0xFF5E).contains(part.value) ? Unicode.Scalar(part.value - 0xFEE0)! : part
            folded.append(contentsOf: UnicodeDecomposition.caseFolded(narrow))
        }
        return folded
    }

    /// An ASCII capital as its small letter; every other byte as it is.
    static func lowercasedASCII(_ byte: UInt8) -> UInt8 {
        byte >= 65 && byte <= 90 ? byte + 32 : byte
    }

    /// The order of folded texts: by their UTF-8 bytes (no Unicode collation to pay for, and the
    /// same order wherever folded names are compared).
    static func precedes(_ a: String, _ b: String) -> Bool {
        a.utf8.lexicographicallyPrecedes(b.utf8)
    }

    /// Whether `haystack` (folded) contains `needle` (folded, not empty), byte by byte: folded
    /// text compares as UTF-8 without the cost of grapheme breaking.
    static func contains(_ haystack: String, _ needle: String) -> Bool {
        search(haystack, needle, lowercasingASCII: false)
    }

    /// The same for a text that was not folded but is compared as ASCII letters without case
    /// (an id): no folding per row and keystroke.
    static func containsIgnoringASCIICase(_ haystack: String, _ needle: String) -> Bool {
        search(haystack, needle, lowercasingASCII: true)
    }

    private static func search(_ haystack: String, _ needle: String, lowercasingASCII: Bool) -> Bool {
        var haystack = haystack, needle = needle
        return haystack.withUTF8 { text in
            needle.withUTF8 { pattern in
                guard !pattern.isEmpty, pattern.count <= text.count else { return false }
                func byte(_ index: Int) -> UInt8 {
                    lowercasingASCII ? lowercasedASCII(text[index]) : text[index]
                }
                for start in 0...(text.count - pattern.count) {
                    var matched = 0
                    while matched < pattern.count, byte(start + matched) == pattern[matched] { matched += 1 }
                    if matched == pattern.count { return true }
                }
                return false
            }
        }
    }
}
