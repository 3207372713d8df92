import UnknotCore

extension SafetySupervisor {
    /// Takes one sensor frame: refreshes the watchdog, and faults on a robot fault, on a frame
    /// that cannot be true (a value that is not a number, a force below minus
    /// ``SafetyLimits/forceNoiseFloor``, force above it with the arm lifted for
    /// ``SafetyLimits/liftSettleMilliseconds``, a negative stiffness) and on a measured force
    /// above the ceiling of what the arm touches — the strictest ceiling of every part the
    /// contact last sent covers, kept while the arm leaves the skin. A measured force in contact
    /// far above the force commanded is a bump: the arm is lifted for a while, with no fault.
    public mutating func observe(_ frame: SensorFrame, at now: Int) {
        lastSensorAt = now
        lastStatus = frame.status
        let defect = disabledGuards.contains(.plausibleFrames) ? nil : implausibility(of: frame, at: now)
        lastFramePlausible = defect == nil
        guard fault == nil else { return }
        if case .fault(let code) = frame.status, !disabledGuards.contains(.robotFaults) {
            fault = .robotFault(code: code)
            return
        }
        if let defect {
            fault = .implausibleReading(defect)
            return
        }
        let touching = lastOutput.contact || isSettling(at: now)
        if touching, frame.measuredForce > contactCeiling, !disabledGuards.contains(.measuredCeiling) {
            fault = .forceAboveCeiling(measured: frame.measuredForce, ceiling: contactCeiling)
            return
        }
        let bumpLimit = SafetyLimits.bumpLimit(reference: bumpReference, ceiling: contactCeiling)
        if lastOutput.contact, frame.measuredForce > bumpLimit {
            bumpedAt = now
            bumps += 1
            lastBump = (frame.measuredForce, bumpLimit, bumpReference)
        }
    }

    /// Whether the arm left the skin so recently that it may still be touching it.
    func isSettling(at now: Int) -> Bool {
        guard let liftedAt, !lastOutput.contact else { return false }
        return now - liftedAt <= SafetyLimits.liftSettleMilliseconds
    }

    /// What makes a frame impossible, if anything.
    func implausibility(of frame: SensorFrame, at now: Int) -> SensorDefect? {
        let force = frame.measuredForce
        guard force.isFinite, frame.tissueStiffness.isFinite else { return .nonFinite }
        if force < -SafetyLimits.forceNoiseFloor { return .negativeForce(force) }
        if frame.tissueStiffness < 0 { return .negativeStiffness(frame.tissueStiffness) }
        if !lastOutput.contact, !isSettling(at: now), force > SafetyLimits.forceNoiseFloor {
            return .forceWithoutContact(force)
        }
        return nil
    }
}
