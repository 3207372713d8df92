import ArgumentParser
import Foundation
import UnknotSignals

struct SignalsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "signals", abstract: "Process body signals (ECG so far; PPG, EDA and breathing follow).",
        subcommands: [Analyze.self, Filter.self, Evaluate.self, Reactions.self])

    /// Prints a value as one line of JSON with sorted keys.
    static func printJSON(_ value: some Encodable) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        print(String(decoding: try encoder.encode(value), as: UTF8.self))
    }

    static func read(_ path: String, column: Int?) throws -> [Double] {
        let text = String(decoding: try InputFile.read(path, what: "the signal"), as: UTF8.self)
        do {
            return try SignalTable.column(column, of: text)
        } catch {
            throw CommandError("\(path): \(error)")
        }
    }

    struct Analyze: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Clean an ECG, find its R peaks and compute heart-rate variability (neurokit2's default method).")

        enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

        @Option(help: "An ECG recording: CSV or whitespace-separated columns, one sample per line.") var ecg: String?
        @Option(help: "A breathing recording (belt or thermistor), in the same formats.") var resp: String?
        @Option(help: "A skin conductance recording (µS), in the same formats.") var eda: String?
        @Option(help: "A pulse (PPG) recording, in the same formats.") var ppg: String?
        @Option(help: "NN (beat-to-beat) intervals in milliseconds, one per line (no --rate needed).") var nn: String?
        @Option(help: "Sampling rate in Hz (not for --nn).") var rate: Double = 0
        @Option(help: "Which column holds the signal, from 1 (default: the last).") var column: Int?
        @Option(help: "text or json.") var format: Format = .text
        @Option(help: "Run the ECG or PPG pipeline this many times and report the fastest (for timing).")
        var timingRuns: Int = 1

        func run() throws {
            if let column, column < 1 { throw CommandError("--column counts from 1") }
            guard (1...100).contains(timingRuns) else { throw CommandError("--timing-runs must be 1 to 100") }
            let given = [ecg, ppg, resp, eda, nn].compactMap { $0 }
            guard given.count == 1 else {
                throw CommandError("give exactly one recording: --ecg, --ppg, --resp, --eda or --nn file")
            }
            if nn == nil, !(rate > 0 && rate.isFinite) {
                throw CommandError("--rate must be a sampling rate in Hz, more than 0")
            }
            if let ecg { try analyzeBeats(ecg, pulse: false) }
            if let ppg { try analyzeBeats(ppg, pulse: true) }
            if let resp { try analyzeBreathing(resp) }
            if let eda { try analyzeSkin(eda) }
            if let nn { try analyzeIntervals(nn) }
        }

        /// HRV of NN intervals (ms): beats placed at their cumulative times on a 1 kHz clock.
        func analyzeIntervals(_ path: String) throws {
            let intervals = try SignalsCommand.read(path, column: column)
            guard intervals.allSatisfy({ $0 > 0 && $0 < 5_000 }) else {
                throw CommandError("\(path): NN intervals must be milliseconds between 0 and 5000")
            }
            var peaks = [0]
            for v in intervals { peaks.append(peaks[peaks.count - 1] + Int(v.rounded())) }
            let hrv = HeartRateVariability(rPeaks: peaks, sampleRate: 1_000)
            let spectrum = try? HeartRateSpectrum(rPeaks: peaks, sampleRate: 1_000)
            switch format {
            case .json:
                struct Output: Encodable {
                    var intervals: Int
                    var hrv: HeartRateVariability
                    var lf: Double?
                    var hf: Double?
                }
                try SignalsCommand.printJSON(
                    Output(intervals: intervals.count, hrv: hrv, lf: spectrum?.lf, hf: spectrum?.hf))
            case .text:
                func f(_ v: Double) -> String { String(format: "%.2f", v) }
                print("\(intervals.count) intervals")
                print("Heart rate: \(f(hrv.heartRate)) bpm (mean NN \(f(hrv.meanNN)) ms)")
                print("SDNN \(f(hrv.sdnn)) ms · RMSSD \(f(hrv.rmssd)) ms · pNN50 \(f(hrv.pnn50)) %")
                if let spectrum {
                    let lf = String(format: "%.5f", spectrum.lf)
                    let hf = String(format: "%.5f", spectrum.hf)
                    print("LF \(lf) · HF \(hf) · LF/HF \(f(spectrum.lfhf))")
                }
            }
        }

        func analyzeSkin(_ path: String) throws {
            let samples = try SignalsCommand.read(path, column: column)
            let processor = try EDAProcessor(sampleRate: rate)
            let tonic: [Double]
            let responses: [SkinConductanceResponse]
            do {
                let split = try processor.split(try processor.clean(samples))
                tonic = split.tonic
                responses = processor.responses(split.phasic)
            } catch {
                throw CommandError("\(path): \(error)")
            }
            let minutes = Double(samples.count) / rate / 60
            switch format {
            case .json:
                struct Output: Encodable {
                    var samples: Int
                    var sampleRate: Double
                    var responses: [SkinConductanceResponse]
                    var meanTonic: Double
                }
                let mean = tonic.reduce(0, +) / Double(max(tonic.count, 1))
                try SignalsCommand.printJSON(
                    Output(samples: samples.count, sampleRate: rate, responses: responses, meanTonic: mean))
            case .text:
                func f(_ v: Double) -> String { String(format: "%.2f", v) }
                let amplitudes = responses.compactMap(\.amplitude)
                let meanAmplitude = amplitudes.isEmpty ? 0 : amplitudes.reduce(0, +) / Double(amplitudes.count)
                print("\(samples.count) samples, \(f(Double(samples.count) / rate)) s at \(f(rate)) Hz")
                print("Tonic level: \(f(tonic.reduce(0, +) / Double(max(tonic.count, 1)))) µS on average")
                print(
                    "Skin conductance responses: \(responses.count) (\(f(Double(responses.count) / max(minutes, 1e-9))) per minute), mean amplitude \(f(meanAmplitude)) µS"
                )
            }
        }

        func analyzeBreathing(_ path: String) throws {
            let samples = try SignalsCommand.read(path, column: column)
            let started = ContinuousClock.now
            let processor = try RespirationProcessor(sampleRate: rate)
            let cleaned: [Double]
            do {
                cleaned = try processor.clean(samples)
            } catch {
                throw CommandError("\(path): \(error)")
            }
            let (peaks, troughs) = processor.breaths(cleaned)
            let summary = BreathingSummary(peaks: peaks, troughs: troughs, samples: samples.count, sampleRate: rate)
            let events: BreathEvents?
            do {
                events = rate >= 20 ? try BreathEvents.read(samples, sampleRate: rate) : nil
            } catch {
                throw CommandError("\(path): \(error)")
            }
            let elapsed = started.duration(to: .now)
            switch format {
            case .json:
                struct Output: Encodable {
                    var samples: Int
                    var sampleRate: Double
                    var peaks: [Int]
                    var troughs: [Int]
                    var breathing: BreathingSummary
                    var events: BreathEvents?
                }
                try SignalsCommand.printJSON(
                    Output(
                        samples: samples.count, sampleRate: rate, peaks: peaks, troughs: troughs, breathing: summary,
                        events: events))
            case .text:
                func f(_ v: Double) -> String { String(format: "%.2f", v) }
                print("\(samples.count) samples, \(f(Double(samples.count) / rate)) s at \(f(rate)) Hz")
                print("Breaths: \(peaks.count) · rate \(f(summary.rate)) per minute")
                print("Breath-to-breath: SD \(f(summary.intervalSD)) s · RMSSD \(f(summary.intervalRMSSD)) s")
                if let events {
                    print(
                        "Breath events: \(events.sighs.count) sighs, \(events.laughter.count) laughter bouts, \(events.sobbing.count) bouts of sob-like breathing"
                    )
                } else {
                    print("Breath events: need at least 20 samples per second")
                }
                print(
                    "Processed in \(f(Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1_000)) ms"
                )
            }
        }

        /// ECG R peaks or PPG systolic peaks, then heart rate and HRV.
        func analyzeBeats(_ ecg: String, pulse: Bool) throws {
            let samples = try SignalsCommand.read(ecg, column: column)
            func seconds(_ d: Duration) -> Double {
                Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
            }
            /// The whole pipeline, timed: clean, peaks, HRV.
            func process() throws -> (
                peaks: [Int], hrv: HeartRateVariability, spectrum: HeartRateSpectrum?,
                cleaning: Double, finding: Double, total: Double
            ) {
                let started = ContinuousClock.now
                let cleaned: [Double]
                let peaks: [Int]
                let afterClean: ContinuousClock.Instant
                do {
                    if pulse {
                        let processor = try PPGProcessor(sampleRate: rate)
                        cleaned = try processor.clean(samples)
                        afterClean = ContinuousClock.now
                        peaks = processor.systolicPeaks(cleaned)
                    } else {
                        let processor = try ECGProcessor(sampleRate: rate)
                        cleaned = try processor.clean(samples)
                        afterClean = ContinuousClock.now
                        peaks = processor.rPeaks(cleaned)
                    }
                } catch {
                    throw CommandError("\(ecg): \(error)")
                }
                let afterPeaks = ContinuousClock.now
                let hrv = HeartRateVariability(rPeaks: peaks, sampleRate: rate)
                let spectrum = try? HeartRateSpectrum(rPeaks: peaks, sampleRate: rate)
                let end = ContinuousClock.now
                return (
                    peaks, hrv, spectrum, seconds(started.duration(to: afterClean)),
                    seconds(afterClean.duration(to: afterPeaks)), seconds(started.duration(to: end))
                )
            }
            var result = try process()
            for _ in 1..<timingRuns {
                let again = try process()
                if again.total < result.total { result = again }
            }
            let (peaks, hrv, spectrum, cleaning, finding, total) = result
            // Artefact and ectopic-beat correction (not part of neurokit2's default pipeline,
            // so outside the timing that is compared with it).
            let corrected = BeatCorrection(beats: peaks, sampleRate: rate)
            let correctedHRV = HeartRateVariability(rPeaks: corrected.beats, sampleRate: rate)
            switch format {
            case .json:
                struct Output: Encodable {
                    var samples: Int
                    var sampleRate: Double
                    var rPeaks: [Int]
                    var hrv: HeartRateVariability
                    var lf: Double?
                    var hf: Double?
                    var lfhf: Double?
                    var processingSeconds: Double
                    var cleaningSeconds: Double
                    var corrected: BeatCorrection
                    var correctedHRV: HeartRateVariability
                }
                try SignalsCommand.printJSON(
                    Output(
                        samples: samples.count, sampleRate: rate, rPeaks: peaks, hrv: hrv, lf: spectrum?.lf,
                        hf: spectrum?.hf,
                        lfhf: spectrum?.lfhf, processingSeconds: total,
                        cleaningSeconds: cleaning, corrected: corrected, correctedHRV: correctedHRV))
            case .text:
                func f(_ v: Double) -> String { String(format: "%.2f", v) }
                print("\(samples.count) samples, \(f(Double(samples.count) / rate)) s at \(f(rate)) Hz")
                print("\(pulse ? "Systolic peaks" : "R peaks"): \(peaks.count)")
                print("Heart rate: \(f(hrv.heartRate)) bpm (mean NN \(f(hrv.meanNN)) ms)")
                print("SDNN \(f(hrv.sdnn)) ms · RMSSD \(f(hrv.rmssd)) ms · pNN50 \(f(hrv.pnn50)) %")
                print(
                    "Artefacts corrected: \(corrected.artefacts) (ectopic \(corrected.ectopic), missed \(corrected.missed), extra \(corrected.extra), long or short \(corrected.longShort)); after correction: \(f(correctedHRV.heartRate)) bpm, SDNN \(f(correctedHRV.sdnn)) ms, RMSSD \(f(correctedHRV.rmssd)) ms"
                )
                if let spectrum {
                    let lf = String(format: "%.5f", spectrum.lf)
                    let hf = String(format: "%.5f", spectrum.hf)
                    print("LF \(lf) · HF \(hf) · LF/HF \(f(spectrum.lfhf)) (power normalised to the spectrum's peak)")
                } else {
                    print("LF/HF: too few beats for a spectrum")
                }
                print(
                    "Processed in \(f(total * 1_000)) ms (cleaning \(f(cleaning * 1_000)) ms, peaks \(f(finding * 1_000)) ms, HRV \(f((total - cleaning - finding) * 1_000)) ms)"
                )
            }
        }
    }

    struct Filter: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Zero-phase Butterworth filtering (scipy's butter + sosfiltfilt); one value per line.")

        @Option(help: "The signal: CSV or whitespace-separated columns.") var input: String
        @Option(help: "Sampling rate in Hz.") var rate: Double
        @Option(help: "Which column holds the signal, from 1 (default: the last).") var column: Int?
        @Option(help: "Filter order.") var order: Int
        @Option(help: "Low-pass cut-off, Hz.") var lowpass: Double?
        @Option(help: "High-pass cut-off, Hz.") var highpass: Double?
        @Option(parsing: .upToNextOption, help: "Band-pass edges, Hz (two values).") var bandpass: [Double] = []

        func run() throws {
            let band: FilterBand
            switch (lowpass, highpass, bandpass.count) {
            case (let f?, nil, 0): band = .lowpass(f)
            case (nil, let f?, 0): band = .highpass(f)
            case (nil, nil, 2): band = .bandpass(bandpass[0], bandpass[1])
            default: throw CommandError("give exactly one of --lowpass f, --highpass f or --bandpass low high")
            }
            let samples = try SignalsCommand.read(input, column: column)
            let out: [Double]
            do {
                out = try Butterworth.design(order: order, band: band, sampleRate: rate).zeroPhase(samples)
            } catch {
                throw CommandError(error.description)
            }
            var text = ""
            text.reserveCapacity(out.count * 24)
            for v in out { text += "\(v)\n" }
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }
}
