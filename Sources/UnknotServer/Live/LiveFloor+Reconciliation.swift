import Foundation
import Logging
import UnknotStudio
import UnknotStudioLink

/// No booking stays "in progress" with nothing running it: the studio reconciles what it
/// believes with what its stations say (when each links) and with the clock (past a session's
/// end).
extension LiveFloor {
    /// A session sent to no station, or refused by its station: its booking is booked again.
    func notTakenUp(booking id: UUID) async {
        do {
            if try await studio.returnToBooked(Self.stationCaller, booking: id) {
                logger.warning(
                    "a session was not taken up; its booking is booked again", metadata: ["booking": "\(id)"])
            }
        } catch {
            logger.error("a booking could not be booked again", metadata: ["booking": "\(id)", "error": "\(error)"])
        }
    }

    /// A station linked: each booking in progress on it that it neither runs nor holds a record of
    /// (it restarted and lost it) is interrupted. One it holds a record of is settled when the
    /// record arrives (completed, or interrupted if it ends early).
    func reconcile(station: Int, hello: StationHello) async {
        guard let inProgress = try? await studio.sessionsInProgress(Self.stationCaller) else { return }
        let known = Set(hello.held.compactMap(\.booking) + [hello.running?.booking].compactMap { $0 })
        for booking in inProgress where booking.stationID == station && !known.contains(booking.id) {
            await interrupt(booking.id, because: "its station restarted and holds nothing of it")
        }
    }

    /// Bookings in progress past their end (and ``Studio/interruptionGraceMinutes``) whose station is
    /// linked to no studio instance: interrupted, so staff see it and the day moves on. A record the
    /// station delivers when it is back is still stored. Run now and then (``BookingReconciliation``).
    func interruptAbandonedSessions() async {
        guard let inProgress = try? await studio.sessionsInProgress(Self.stationCaller) else { return }
        let now = studio.now
        for booking in inProgress where booking.end.minutes + Studio.interruptionGraceMinutes <= now.minutes {
            let linkedHere = await links.state(of: booking.stationID) != nil
            guard !linkedHere, !otherInstances.knows(booking.stationID) else { continue }
            await interrupt(booking.id, because: "its station has not been heard from since before its end")
        }
    }

    private func interrupt(_ booking: UUID, because reason: String) async {
        do {
            if try await studio.interruptSession(Self.stationCaller, booking: booking) {
                logger.warning(
                    "a session in progress is marked interrupted",
                    metadata: ["booking": "\(booking)", "why": "\(reason)"])
                pushFloorSoon()
            }
        } catch {
            logger.error(
                "a booking could not be marked interrupted", metadata: ["booking": "\(booking)", "error": "\(error)"])
        }
    }
}
