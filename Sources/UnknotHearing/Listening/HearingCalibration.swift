import Foundation

/// How the station turns what YAMNet hears into sound events, per kind of sound: what it scores
/// with (YAMNet's own scores, or a logistic regression on YAMNet's 1,024-value embedding where
/// that was clearly better on held-out speakers), the score at which an event begins (`onset`),
/// the score under which it ends (`release`), and how sure a score makes the hearing (a logistic
/// curve on the score's log-odds).
///
/// The shipped file (`hearing-calibration.json` in this module's resources) was chosen by
/// `unknot hear evaluate --data DIR --write-calibration FILE` on the provided recordings, with
/// folds by speaker (docs/hearing.md); kinds without recordings keep hand-set levels and say so
/// in `chosenOn`. Guarantees: every kind has an entry; `release ≤ onset`; ``confidence(_:for:)``
/// is in [0, 1] and rises with the score; reading a damaged file throws, naming what is wrong.
public struct HearingCalibration: Codable, Sendable, Equatable {
    public struct Entry: Codable, Sendable, Equatable {
        /// A logistic regression on YAMNet's embedding: score = 1 / (1 + exp(−(bias + Σ weights[i] · e[i]))).
        public struct Classifier: Codable, Sendable, Equatable {
            public var weights: [Float]
            public var bias: Float
        }

        public var onset: Float
        public var release: Float
        /// confidence = 1 / (1 + exp(−(slope · ln(s / (1 − s)) + intercept))).
        public var slope: Float
        public var intercept: Float
        /// Where the levels come from: the recordings and the rule, or "hand-set".
        public var chosenOn: String
        /// Cross-validated by speaker: the share of the kind's clips heard, and the share of
        /// other sounds' windows (speech included) taken for it. Absent when hand-set.
        public var heldOutRecall: Double?
        public var heldOutFalsePositives: Double?
        /// The classifier the kind is scored with; YAMNet's own score when absent.
        public var classifier: Classifier?

        public init(
            onset: Float, release: Float, slope: Float = 1, intercept: Float = 0, chosenOn: String,
            heldOutRecall: Double? = nil, heldOutFalsePositives: Double? = nil
        ) {
            self.onset = onset
            self.release = min(release, onset)
            self.slope = slope
            self.intercept = intercept
            self.chosenOn = chosenOn
            self.heldOutRecall = heldOutRecall
            self.heldOutFalsePositives = heldOutFalsePositives
        }
    }

    public static let currentSchemaVersion = 1

    public var schemaVersion: Int
    /// What the levels apply to: YAMNet's own scores, each kind the highest of its classes.
    public var scores: String
    public var kinds: [String: Entry]

    public init(kinds: [SoundKind: Entry]) {
        schemaVersion = Self.currentSchemaVersion
        scores = Self.yamnetScores
        self.kinds = Dictionary(uniqueKeysWithValues: kinds.map { ($0.key.rawValue, $0.value) })
    }

    static let yamnetScores = "yamnet-max-of-classes"
    public static let embeddingSize = 1_024

    public subscript(kind: SoundKind) -> Entry {
        kinds[kind.rawValue] ?? Self.handSet(kind)
    }

    /// The level set by hand for a kind no recording could check: an event from a YAMNet score
    /// of 0.5, over under 0.3, its confidence the score itself (at 0.3, crying and laughter
    /// clips were heard as snoring and gasps).
    public static func handSet(_ kind: SoundKind) -> Entry {
        Entry(onset: 0.5, release: 0.3, chosenOn: "hand-set")
    }

    /// The kind's score for one window: its classifier's on the window's embedding, or YAMNet's own.
    /// Allocates nothing.
    public func score(_ kind: SoundKind, scores: SoundScores, embedding: UnsafeBufferPointer<Float>) -> Float {
        guard let classifier = kinds[kind.rawValue]?.classifier, classifier.weights.count == embedding.count else {
            return scores[kind]
        }
        var z = classifier.bias
        classifier.weights.withUnsafeBufferPointer { weights in
            for i in 0..<weights.count { z += weights[i] * embedding[i] }
        }
        return 1 / (1 + exp(-z))
    }

    /// How sure a score makes the hearing that `kind` is there.
    public func confidence(_ score: Float, for kind: SoundKind) -> Float {
        let entry = self[kind]
        let s = min(max(score, 1e-6), 1 - 1e-6)
        let z = entry.slope * log(s / (1 - s)) + entry.intercept
        return 1 / (1 + exp(-z))
    }

    /// The onset and release levels as the event tracker takes them.
    public var thresholds: SoundThresholds {
        SoundThresholds(
            Dictionary(
                uniqueKeysWithValues: SoundKind.allCases.map { kind in
                    (kind, SoundThresholds.Level(onset: self[kind].onset, release: self[kind].release))
                }))
    }

    /// Reads and checks a calibration file.
    public init(contentsOf url: URL) throws(AudioFileError) {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw AudioFileError("\(url.path) cannot be read: \(error.localizedDescription)")
        }
        do {
            self = try JSONDecoder().decode(HearingCalibration.self, from: data)
        } catch {
            throw AudioFileError("\(url.path) is not a hearing calibration: \(error)")
        }
        var problems: [String] = []
        if schemaVersion != Self.currentSchemaVersion {
            problems.append("schemaVersion is \(schemaVersion); this Unknot reads \(Self.currentSchemaVersion)")
        }
        if scores != Self.yamnetScores { problems.append("scores is \"\(scores)\"; expected \"\(Self.yamnetScores)\"") }
        for (name, entry) in kinds.sorted(by: { $0.key < $1.key }) {
            if SoundKind(rawValue: name) == nil {
                problems.append(
                    "kinds.\(name) is not a kind of sound; one of "
                        + SoundKind.allCases.map(\.rawValue).joined(separator: ", "))
            }
            for (field, value) in [("onset", entry.onset), ("release", entry.release)] where !(0...1).contains(value) {
                problems.append("kinds.\(name).\(field) is \(value); a score from 0 to 1")
            }
            if entry.release > entry.onset { problems.append("kinds.\(name).release is above its onset") }
            if !(entry.slope > 0 && entry.slope.isFinite) || !entry.intercept.isFinite {
                problems.append("kinds.\(name).slope must be a positive number and intercept a number")
            }
            if let classifier = entry.classifier {
                if classifier.weights.count != Self.embeddingSize {
                    problems.append(
                        "kinds.\(name).classifier has \(classifier.weights.count) weights; YAMNet's embedding has \(Self.embeddingSize)"
                    )
                }
                if !classifier.bias.isFinite || !classifier.weights.allSatisfy(\.isFinite) {
                    problems.append("kinds.\(name).classifier holds a value that is not a number")
                }
            }
        }
        guard problems.isEmpty else { throw AudioFileError("\(url.path): " + problems.joined(separator: "; ")) }
    }

    /// The shipped calibration.
    /// - Throws: when the resource is missing or damaged (a broken install).
    public static func shipped() throws(AudioFileError) -> HearingCalibration {
        guard let url = Bundle.module.url(forResource: "hearing-calibration", withExtension: "json") else {
            throw AudioFileError("hearing-calibration.json is not beside this program (\(Bundle.module.bundlePath))")
        }
        return try HearingCalibration(contentsOf: url)
    }

    /// Writes the calibration as stable, readable JSON.
    public func write(to url: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(self).write(to: url)
    }
}
