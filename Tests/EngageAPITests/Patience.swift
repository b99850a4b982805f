/// How long a test lets a loopback exchange take when the timeout is not what it tests. Every
/// suite of a run shares two cores, and 10 s guards were seen to expire while the process
/// started its few hundred tests at once (a loopback answer waited for a thread that long). A
/// bound against hangs, not a figure; the timeouts under test keep their own short values.
enum Patience {
    static let loopback = Duration.seconds(60)
}
