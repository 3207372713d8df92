import Foundation
import ServiceLifecycle
import UnknotStudio

/// Keeps this studio instance in touch with the others on the same PostgreSQL database (nothing
/// to do on SQLite): listens for their station states and staff orders, and publishes the states
/// of the stations linked here twice a second. Through PostgreSQL's LISTEN/NOTIFY, no broker.
struct InstanceExchange: Service {
    let database: StudioDatabase
    let floor: LiveFloor

    func run() async throws {
        // A service that returns ends the application: with nothing to do, it waits for the end.
        guard database.isShared else {
            try? await gracefulShutdown()
            return
        }
        let database = database
        let floor = floor
        await cancelWhenGracefulShutdown {
            await withTaskGroup(of: Void.self) { group in
                group.addTask {
                    await database.listen(OtherInstances.floorChannel) { await floor.heardFloor($0) }
                }
                group.addTask {
                    await database.listen(OtherInstances.ordersChannel) { await floor.heardOrder($0) }
                }
                group.addTask {
                    while !Task.isCancelled {
                        try? await Task.sleep(for: .milliseconds(500))
                        await floor.publishLinkedStations()
                    }
                }
                await group.waitForAll()
            }
        }
        try? await gracefulShutdown()
    }
}
