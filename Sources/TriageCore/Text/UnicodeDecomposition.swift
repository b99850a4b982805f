// The standard library's canonical decomposition and case folding (what its own String
// comparison uses) are not public API yet. Foundation's `decomposedStringWithCanonicalMapping`
// and `folding(options:locale:)` do the same, but using them links Foundation's NSString layer
// into the program, which costs a millisecond of every start of the release binary.
@_spi(_Unicode) import Swift

/// Unicode's canonical decomposition (NFD) and case folding, for folding text for search and
/// for the ASCII fallback.
enum UnicodeDecomposition {
    /// The scalars of `text` in NFD: `é` as `e` followed by U+0301.
    static func canonical(_ text: String) -> [Unicode.Scalar] {
        Array(text._nfd)
    }

    /// `scalar` case-folded (full folding: `ß` as `ss`, `ς` as `σ`).
    static func caseFolded(_ scalar: Unicode.Scalar) -> String.UnicodeScalarView {
        scalar.properties._caseFolded.unicodeScalars
    }
}
