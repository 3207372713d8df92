import ServiceLifecycle

/// Now and then, settles bookings left in progress with nothing running them
/// (``LiveFloor/interruptAbandonedSessions()``): first a little after start-up, once the stations
/// have had time to link again and deliver what they hold, then every minute.
struct BookingReconciliation: Service {
    let floor: LiveFloor
    var firstAfter: Duration = .seconds(15)
    var every: Duration = .seconds(60)

    func run() async throws {
        let floor = floor
        let firstAfter = firstAfter
        let every = every
        await cancelWhenGracefulShutdown {
            var wait = firstAfter
            while !Task.isCancelled {
                try? await Task.sleep(for: wait)
                guard !Task.isCancelled else { return }
                await floor.interruptAbandonedSessions()
                wait = every
            }
        }
        try? await gracefulShutdown()
    }
}
