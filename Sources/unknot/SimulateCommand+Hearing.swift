import Foundation
import UnknotCore
import UnknotHearing
import UnknotSimulation

extension SimulateCommand {
    /// Lets the run's station hear real recordings from `folder`, or says why it does not listen.
    static func listen(_ run: inout ScenarioRun, to folder: String, seed: UInt64) throws {
        let hearing: SimulatedHearing
        do {
            let voices = try RecordedVoices.load(from: URL(fileURLWithPath: folder, isDirectory: true))
            hearing = SimulatedHearing(
                voices: voices, network: try YAMNet.network(), calibration: try HearingCalibration.shipped(),
                seed: seed)
        } catch {
            throw CommandError("--hear-recordings: \(error)")
        }
        if !run.listen(hearing) {
            print(
                "The station does not listen: the care plan does not say \"stationMayListen\": true "
                    + "(the client has not agreed to it). Sounds are not heard.")
        }
    }

    /// What the station's own hearing heard: each label, its time and confidence (the first 40).
    static func printHeard(_ heard: [(at: Int, sound: SoundEvent)]) {
        guard !heard.isEmpty else {
            print("The station heard nothing it listens for.")
            return
        }
        let shown = heard.prefix(40).map { label in
            let tenths = (label.at + 50) / 100
            let clock = String(format: "%02d:%02d.%d", tenths / 600, (tenths % 600) / 10, tenths % 10)
            return "\(clock) \(label.sound.kind.rawValue) \(String(format: "%.2f", label.sound.confidence))"
        }
        print(
            "The station heard (real recordings, its own hearing): " + shown.joined(separator: ", ")
                + (heard.count > 40 ? ", … (\(heard.count) in all)" : ""))
    }
}
