import Foundation

/// A pipe whose ends never block (a write to a full pipe is dropped, a read of an empty one
/// returns at once) and are not inherited by the programs this one starts (`$EDITOR`): how a
/// signal handler or another thread wakes a waiting one.
struct NonBlockingPipe {
    let readEnd: Int32
    let writeEnd: Int32

    init() throws {
        var ends: [Int32] = [-1, -1]
        // `pipe2` would set both flags at once, but Swift's Glibc module does not show it.
        guard pipe(&ends) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EMFILE) }
        for end in ends {
            _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
            _ = fcntl(end, F_SETFD, FD_CLOEXEC)
        }
        (readEnd, writeEnd) = (ends[0], ends[1])
    }
}
