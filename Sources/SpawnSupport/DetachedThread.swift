#if canImport(Glibc)
import Glibc
#endif

/// A POSIX thread of its own for blocking work (reading a pipe or a terminal, waiting for a
/// child), away from Swift's cooperative pool. Foundation's `Thread` would do the same, but it
/// links NSThread and NSObject into the program, which costs every start of the release binary.
public enum DetachedThread {
    /// Starts `body` on a new detached thread named `name` (as `top -H` shows it; Linux keeps
    /// 15 bytes of it).
    public static func start(name: String, _ body: @escaping @Sendable () -> Void) {
        let work = Unmanaged.passRetained(Work(name: name, body: body)).toOpaque()
        var thread = pthread_t()
        let status = pthread_create(&thread, nil, runWork, work)
        precondition(status == 0, "a thread could not be started (pthread_create: \(status))")
        pthread_detach(thread)
    }

    /// What a new thread is given to do.
    fileprivate final class Work {
        let name: String
        let body: @Sendable () -> Void

        init(name: String, body: @escaping @Sendable () -> Void) {
            self.name = name
            self.body = body
        }
    }
}

/// The new thread's entry: names the thread, runs the work, releases it.
private func runWork(_ argument: UnsafeMutableRawPointer?) -> UnsafeMutableRawPointer? {
    let work = Unmanaged<DetachedThread.Work>.fromOpaque(argument!).takeRetainedValue()
    // `pthread_setname_np` is not visible to Swift; the thread's own `comm` file does the same.
    let descriptor = open("/proc/thread-self/comm", O_WRONLY | O_CLOEXEC)
    if descriptor >= 0 {
        let name = Array(work.name.utf8.prefix(15))
        _ = write(descriptor, name, name.count)
        close(descriptor)
    }
    work.body()
    return nil
}
