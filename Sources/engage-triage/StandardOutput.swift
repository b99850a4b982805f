import Foundation

/// Writing to standard output and standard error with `write(2)`, so that a reader that went
/// away or a full disk is a message, not a crash (Foundation's `FileHandle.write` traps on both).
enum StandardOutput {
    /// Writes all of `bytes` to `descriptor`; the `errno` of a failure, or nil.
    @discardableResult
    static func write(_ bytes: some Collection<UInt8>, to descriptor: Int32) -> Int32? {
        var bytes = Array(bytes)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { Glibc.write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if written > 0 {
                offset += written
            } else if errno != EINTR {
                return written == 0 ? EIO : errno
            }
        }
        return nil
    }

    /// A result on standard output. A closed pipe (`list --json | head -1`) ends the process
    /// quietly with 141, as a shell expects of SIGPIPE; any other failure (ENOSPC, EIO) is named
    /// and exits 1. The audit trail is written before any result, so nothing is lost either way.
    static func write(_ bytes: some Collection<UInt8>) {
        guard let failure = write(bytes, to: STDOUT_FILENO) else { return }
        if failure == EPIPE { exit(141) }
        Diagnostics.note("engage-triage: the output could not be written: \(String(cString: strerror(failure))).")
        exit(ExitStatus.failure.rawValue)
    }
}
