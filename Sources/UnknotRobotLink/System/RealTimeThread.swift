#if canImport(Glibc)
    import Glibc
#else
    import Darwin
#endif

/// What the system can do for a control loop's thread: run it before ordinary threads, and keep
/// the process's memory in RAM so no tick waits on a page fault. Both need privileges
/// (CAP_SYS_NICE, CAP_IPC_LOCK or enough RLIMIT_MEMLOCK); without them the loop still runs, and
/// says so in its status.
public enum RealTimeThread {
    /// Runs the calling thread as `SCHED_FIFO` at `priority` (80, as real-time control loops run).
    /// Returns whether the system agreed.
    public static func raisePriority(_ priority: Int32 = 80) -> Bool {
        #if canImport(Glibc)
            var parameters = sched_param()
            parameters.sched_priority = priority
            return pthread_setschedparam(pthread_self(), Int32(SCHED_FIFO), &parameters) == 0
        #else
            return false
        #endif
    }

    /// Locks the process's memory, now and to come, in RAM. Returns whether the system agreed.
    public static func lockMemory() -> Bool {
        #if canImport(Glibc)
            return mlockall(Int32(MCL_CURRENT | MCL_FUTURE)) == 0
        #else
            return false
        #endif
    }
}
