extension Int {
    /// The number with a leading zero below 10 (`9` → `09`), as dates and clocks show it.
    var twoDigits: String { self < 10 ? "0\(self)" : String(self) }
}
