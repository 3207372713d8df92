import Foundation
import Logging
import Metrics
import UnknotCore
import UnknotSession
import UnknotStudio
import UnknotStudioLink

/// What the stations say over their links, and their records.
extension LiveFloor {
    // MARK: The stations' links

    /// A station's link opened: what the studio holds of the records it still keeps; the session it
    /// runs is taken up again (after a studio restart, or a link to another studio instance).
    func linked(station: Int, hello: StationHello) async -> [RecordAck] {
        // An order the station had not taken goes again on its new link.
        if var pending = unconfirmed[station] {
            pending.sentAt = .now - .seconds(1)
            unconfirmed[station] = pending
        }
        var acks: [RecordAck] = []
        for held in hello.held {
            acks.append(
                RecordAck(
                    session: held.session, offset: await inbox.offset(of: held.session, station: station),
                    complete: false))
        }
        if let live = running[station], live.info.id != hello.running?.session {
            // The station no longer runs the session the studio sent it (it restarted).
            await live.ended()
            running[station] = nil
        }
        await reconcile(station: station, hello: hello)
        if let assignment = hello.running {
            if let live = byID[assignment.session] {
                running[station] = live
                Task { await live.tellConsoles() }
            } else {
                await takeUp(assignment, on: station)
            }
        }
        pushFloorSoon()
        return acks
    }

    /// Relays a session the station runs that this studio did not start (it restarted): its
    /// client is found from its booking (a demo's client cannot be told again, and its console is
    /// not relayed).
    fileprivate func takeUp(_ assignment: SessionAssignment, on station: Int) async {
        guard let bookingID = assignment.booking,
            let booking = try? await studio.booking(Self.stationCaller, id: bookingID), booking.stationID == station
        else { return }
        let info = LiveSessionInfo(
            id: assignment.session, stationID: station, stationName: (try? await stationName(station)) ?? "",
            bookingID: bookingID, accountID: booking.clientID, clientName: assignment.clientName,
            programID: assignment.programID,
            programName: catalog.program(id: assignment.programID)?.name ?? assignment.programID,
            minutes: assignment.minutes, staffMayBeAlerted: assignment.staffMayBeAlerted)
        let live = LiveSession(info: info, links: links)
        running[station] = live
        byID[info.id] = live
        logger.info("a running session taken up again", metadata: ["station": "\(station)", "session": "\(info.id)"])
    }

    /// A frame from a station's link.
    func received(_ message: StationMessage, from station: Int) async {
        switch message {
        case .report(let report):
            if let state = report.session, let live = session(state.session, on: station) { await live.update(state) }
            await reported(report, from: station)
        case .say(let said):
            await session(said.session, on: station)?.said(said.message)
        case .pressure(let pressure):
            await session(pressure.session, on: station)?.pressure(pressure.pressure)
        case .alert(let alert):
            let live = session(alert.session, on: station)
            alerts.add(
                session: alert.session, stationID: station, station: live?.info.stationName ?? "Station \(station)",
                client: live?.info.clientName ?? "the client", at: studio.now.minutes, text: alert.text,
                kind: alert.kind)
            pushFloorSoon()
        case .ended(let ended):
            if let live = session(ended.session, on: station) {
                await live.ended()
                if running[station] === live { running[station] = nil }
                Gauge(label: "unknot_live_sessions").record(running.count)
            }
            pushFloorSoon()
        case .refused(let refusal):
            if let live = session(refusal.session, on: station) {
                await live.refused(refusal.reason)
                if let booking = live.info.bookingID { await notTakenUp(booking: booking) }
                if running[station] === live { running[station] = nil }
                logger.error(
                    "a station refused a session", metadata: ["station": "\(station)", "reason": "\(refusal.reason)"])
            }
        case .record(let chunk):
            await receive(chunk, from: station)
        case .hello:
            break
        }
    }

    /// The live session a station's report is for, found without a hop onto the floor: the
    /// station's reading loop relays the report to it itself.
    nonisolated func relay(_ session: UUID, on station: Int) -> LiveSession? {
        guard let live = relays.withLock({ $0[session] }), live.info.stationID == station else { return nil }
        return live
    }

    /// A report, for what the floor itself does with it (wanted only while ``wantsReports``):
    /// confirming a staff order, refreshing the dashboards.
    func reported(_ report: StationReport, from station: Int) async {
        await confirmOrSendAgain(station: station, report: report)
        pushFloorSoon()
    }

    /// A staff order stays unconfirmed until the station's reports show it taken (stopped, or no
    /// longer stopped); until then it goes again every ``orderRetryMilliseconds`` (a frame lost with
    /// a dying link must not lose an emergency stop).
    func sendOrder(_ command: StaffCommand, to station: Int) async {
        let order = StaffOrder(session: running[station]?.info.id, command: command)
        unconfirmed[station] = UnconfirmedOrder(order: order, sentAt: .now)
        await links.send(.staff(order), to: station)
    }

    private func confirmOrSendAgain(station: Int, report: StationReport) async {
        guard let pending = unconfirmed[station] else { return }
        let taken: Bool =
            switch pending.order.command {
            case .emergencyStop: report.session?.stopped ?? true
            case .release: !(report.session?.stopped ?? false)
            case .end: report.session == nil || report.session?.console.finished == true
            }
        if taken {
            unconfirmed[station] = nil
        } else if ContinuousClock.now - pending.sentAt >= .milliseconds(Self.orderRetryMilliseconds) {
            unconfirmed[station]?.sentAt = .now
            await links.send(.staff(pending.order), to: station)
            logger.warning("a staff order not yet taken goes again", metadata: ["station": "\(station)"])
        }
    }

    fileprivate func session(_ id: UUID, on station: Int) -> LiveSession? {
        guard let live = byID[id], live.info.stationID == station else { return nil }
        return live
    }

    // MARK: Records

    fileprivate func receive(_ chunk: RecordChunk, from station: Int) async {
        switch await inbox.receive(chunk, from: station) {
        case .holding(let offset):
            await links.send(
                .recordAck(RecordAck(session: chunk.session, offset: offset, complete: false)), to: station)
        case .corrupt:
            logger.error(
                "a record arrived corrupt; the station sends it again", metadata: ["session": "\(chunk.session)"])
            await links.send(.recordAck(RecordAck(session: chunk.session, offset: 0, complete: false)), to: station)
        case .whole(let data):
            let stored = await store(data, session: chunk.session, booking: chunk.booking, station: station)
            if stored { await inbox.discard(chunk.session) }
            let ack = RecordAck(session: chunk.session, offset: stored ? data.count : 0, complete: stored)
            await links.send(.recordAck(ack), to: station)
        }
    }

    /// Stores a whole record: with its booking (which must be on this station), or as a demo's.
    /// Returns whether the station may now let its copy go.
    fileprivate func store(_ data: Data, session id: UUID, booking: UUID?, station: Int) async -> Bool {
        let live = byID[id]
        guard let booking else {
            // A demo's record is kept for its report while the studio runs (none after a restart).
            if let live {
                demoRecords.append((live.info, data))
                if demoRecords.count > Self.keptDemos { demoRecords.removeFirst() }
                await live.reportReady(at: "/demo/\(id.uuidString.lowercased())/report")
                retire(live)
            }
            return true
        }
        do {
            let view = try await studio.booking(Self.stationCaller, id: booking)
            guard view.stationID == station else {
                logger.error(
                    "a station sent a record for another station's booking; it is not stored",
                    metadata: ["station": "\(station)", "booking": "\(booking)"])
                return true
            }
            let (_, upload) = try StudioAPI.readRecord(data)
            _ = try await studio.storeRecord(Self.stationCaller, booking: booking, upload)
            if let live {
                await live.reportReady(at: "/sessions/\(booking.uuidString.lowercased())/report")
                retire(live)
            }
            logger.info("a session's record is stored", metadata: ["booking": "\(booking)", "bytes": "\(data.count)"])
            pushFloorSoon()
            return true
        } catch let error where error.kind == .invalid || error.kind == .notFound || error.kind == .refused {
            // Never storable: the relay is let go like any finished session's.
            logger.error("a record cannot be stored", metadata: ["session": "\(id)", "error": "\(error)"])
            if let live { retire(live) }
            return true
        } catch {
            // The database is down: the station keeps its copy and sends it again.
            logger.error("a record could not be stored yet", metadata: ["session": "\(id)", "error": "\(error)"])
            return false
        }
    }

    /// A finished session stays reachable for a while (a console reloaded after the end still
    /// finds its report link); the oldest are let go.
    fileprivate func retire(_ live: LiveSession) {
        if running[live.info.stationID] === live { running[live.info.stationID] = nil }
        finishedIDs.append(live.info.id)
        if finishedIDs.count > Self.keptDemos { byID[finishedIDs.removeFirst()] = nil }
    }
}
