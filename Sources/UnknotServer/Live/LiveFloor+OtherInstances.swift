import Foundation
import UnknotStudio
import UnknotStudioLink

/// Several studio instances on one PostgreSQL database: each tells the others, through it, the
/// state of the stations linked to it (twice a second) and passes on staff orders for them.
extension LiveFloor {
    /// Publishes the state of every station linked to this instance.
    func publishLinkedStations() async {
        guard database.isShared, let stations = try? await studio.stations(Self.stationCaller) else { return }
        for station in stations {
            guard let state = await linkedState(of: station), state.link != nil else { continue }
            let published = OtherInstances.Published(instance: instance, state: state)
            await database.publish(OtherInstances.floorChannel, LiveUpdate.json(published))
        }
    }

    /// Another instance's station state.
    func heardFloor(_ payload: String) {
        guard let published = try? JSONDecoder().decode(OtherInstances.Published.self, from: Data(payload.utf8)),
            published.instance != instance
        else { return }
        otherInstances.heard(published.state)
        pushFloorSoon()
    }

    /// A staff order given on another instance, for a station linked here.
    func heardOrder(_ payload: String) async {
        guard let order = try? JSONDecoder().decode(OtherInstances.Order.self, from: Data(payload.utf8)),
            order.instance != instance, await links.state(of: order.station) != nil
        else { return }
        await sendOrder(order.command, to: order.station)
        logger.warning(
            "staff order from another studio instance sent over the station link",
            metadata: ["station": "\(order.station)", "order": "\(order.command)"])
    }
}
