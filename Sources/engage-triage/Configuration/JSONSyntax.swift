import Foundation

/// Where a JSON text breaks, for a configuration file's error message. `JSONDecoder` only says
/// that the data is not valid JSON; Foundation's `JSONSerialization`, which says where, would
/// link Foundation's NSString layer into the program.
enum JSONSyntax {
    /// What is wrong, with its line and column ("Invalid value at line 2, column 18"); nil for
    /// valid JSON.
    static func problem(in data: Data) -> String? {
        var checker = Checker(bytes: Array(data))
        do {
            try checker.document()
            return nil
        } catch {
            guard case .unexpected(let what, let offset) = error else { return "Unexpected end of file during JSON parse" }
            let before = data.prefix(offset)
            let line = before.filter { $0 == 0x0A }.count + 1
            let column = offset - (before.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0) + 1
            return "\(what) at line \(line), column \(column)"
        }
    }

    private enum Failure: Error {
        case endOfFile
        case unexpected(String, offset: Int)
    }

    /// A recursive descent over RFC 8259's grammar that stops at the first byte it cannot take.
    private struct Checker {
        let bytes: [UInt8]
        var offset = 0

        mutating func document() throws(Failure) {
            try value(depth: 0)
            skipSpace()
            if offset < bytes.count { throw .unexpected("Unexpected text after the JSON value", offset: offset) }
        }

        private mutating func value(depth: Int) throws(Failure) {
            guard depth < 512 else { throw .unexpected("Too deeply nested", offset: offset) }
            skipSpace()
            switch try peek() {
            case UInt8(ascii: "{"): try container(closer: UInt8(ascii: "}"), keyed: true, depth: depth)
            case UInt8(ascii: "["): try container(closer: UInt8(ascii: "]"), keyed: false, depth: depth)
            case UInt8(ascii: "\""): try string()
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try number()
            case UInt8(ascii: "t"): try literal("true")
            case UInt8(ascii: "f"): try literal("false")
            case UInt8(ascii: "n"): try literal("null")
            default: throw .unexpected("Invalid value", offset: offset)
            }
        }

        private mutating func container(closer: UInt8, keyed: Bool, depth: Int) throws(Failure) {
            offset += 1
            skipSpace()
            if try peek() == closer {
                offset += 1
                return
            }
            while true {
                if keyed {
                    skipSpace()
                    guard try peek() == UInt8(ascii: "\"") else { throw .unexpected("Invalid value", offset: offset) }
                    try string()
                    skipSpace()
                    guard try peek() == UInt8(ascii: ":") else { throw .unexpected("Expected ':'", offset: offset) }
                    offset += 1
                }
                try value(depth: depth + 1)
                skipSpace()
                switch try peek() {
                case UInt8(ascii: ","):
                    offset += 1
                    // A comma before the closer is taken, as Foundation's parser takes it.
                    skipSpace()
                    if try peek() == closer {
                        offset += 1
                        return
                    }
                case closer:
                    offset += 1
                    return
                default: throw .unexpected("Expected ',' or '\(Character(Unicode.Scalar(closer)))'", offset: offset)
                }
            }
        }

        private mutating func string() throws(Failure) {
            offset += 1
            while true {
                let byte = try peek()
                switch byte {
                case UInt8(ascii: "\""):
                    offset += 1
                    return
                case UInt8(ascii: "\\"):
                    let start = offset
                    offset += 1
                    let escaped = try peek()
                    if escaped == UInt8(ascii: "u") {
                        let unit = try codeUnit()
                        if (0xDC00...0xDFFF).contains(unit) { throw .unexpected("Unpaired surrogate", offset: start) }
                        if (0xD800...0xDBFF).contains(unit) {
                            // A high surrogate needs its low one, as the next escape.
                            guard offset + 1 < bytes.count, bytes[offset] == UInt8(ascii: "\\"), bytes[offset + 1] == UInt8(ascii: "u")
                            else { throw .unexpected("Unpaired surrogate", offset: start) }
                            offset += 1
                            guard (0xDC00...0xDFFF).contains(try codeUnit()) else { throw .unexpected("Unpaired surrogate", offset: start) }
                        }
                    } else if "\"\\/bfnrt".utf8.contains(escaped) {
                        offset += 1
                    } else {
                        throw .unexpected("Invalid escape", offset: offset)
                    }
                case 0..<0x20: throw .unexpected("Unescaped control character in a string", offset: offset)
                default: offset += 1
                }
            }
        }

        /// The four hex digits after the `u` at `offset`, as a UTF-16 code unit; `offset` ends
        /// after them.
        private mutating func codeUnit() throws(Failure) -> UInt16 {
            var unit: UInt16 = 0
            for _ in 0..<4 {
                offset += 1
                guard let value = Character(Unicode.Scalar(try peek())).hexDigitValue else {
                    throw .unexpected("Invalid \\u escape", offset: offset)
                }
                unit = unit << 4 | UInt16(value)
            }
            offset += 1
            return unit
        }

        private mutating func number() throws(Failure) {
            if try peek() == UInt8(ascii: "-") { offset += 1 }
            if try peek() == UInt8(ascii: "0") {
                offset += 1
            } else {
                try digits()
            }
            if offset < bytes.count, bytes[offset] == UInt8(ascii: ".") {
                offset += 1
                try digits()
            }
            if offset < bytes.count, bytes[offset] | 0x20 == UInt8(ascii: "e") {
                offset += 1
                let sign = try peek()
                if sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { offset += 1 }
                try digits()
            }
        }

        private mutating func digits() throws(Failure) {
            guard isDigit(try peek()) else { throw .unexpected("Invalid number", offset: offset) }
            while offset < bytes.count, isDigit(bytes[offset]) { offset += 1 }
        }

        private mutating func literal(_ word: String) throws(Failure) {
            for expected in word.utf8 {
                guard try peek() == expected else { throw .unexpected("Invalid value", offset: offset) }
                offset += 1
            }
        }

        private mutating func skipSpace() {
            while offset < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[offset]) { offset += 1 }
        }

        private func peek() throws(Failure) -> UInt8 {
            guard offset < bytes.count else { throw .endOfFile }
            return bytes[offset]
        }

        private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
    }
}
