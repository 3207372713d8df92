import ServiceLifecycle
import UnknotStudio

/// Every `every`, puts the reminders of sessions starting within a day in the outbox
/// (``Studio/queueReminders()``: once per booking and start, whatever the number of servers),
/// and passes waitlist offers that ran out to the next client waiting
/// (``Studio/expireWaitlistOffers()``).
struct BookingReminders: Service {
    let studio: Studio
    var every: Duration = .seconds(60)

    func run() async throws {
        let studio = studio
        let every = every
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                _ = try? await studio.queueReminders()
                await studio.expireWaitlistOffers()
                try? await Task.sleep(for: every)
            }
        }
    }
}
