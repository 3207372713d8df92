import Foundation

extension HearingCalibration {
    /// The false-positive rates the levels are chosen at: other sounds' windows (speech included)
    /// above the onset, and above the release.
    public static let onsetFalsePositiveRate = 0.01
    public static let releaseFalsePositiveRate = 0.05
    /// The lowest onset allowed, however well a kind stands out in the recordings.
    public static let lowestOnset: Float = 0.05
    /// How much better (in the lower of its AUCs as recorded and in the studio) the embedding
    /// classifier must be to be chosen over YAMNet's own scores, which were learnt from far more
    /// (and more varied) sound than these recordings.
    public static let classifierMargin = 0.01

    /// Chooses, for each kind with recordings in `heard` (and `studio`, the same clips mixed into
    /// a studio's sound), what to listen with and at what levels:
    /// - the score: YAMNet's own, or the embedding classifier when it is clearly better (by
    ///   ``classifierMargin``) on held-out speakers (`outOfFold`, from ``HearingEvaluation``);
    ///   the classifier shipped is then fitted on every clip;
    /// - the onset lets through 1 % of other sounds' held-out windows, the release 5 % (at least
    ///   half the onset); the confidence curve is fitted to the clips' loudest windows, the
    ///   kind's clips against all others weighed equally;
    /// - held-out figures: levels chosen without one fold of speakers, tried on it.
    /// Kinds without recordings are hand-set on YAMNet's scores.
    public static func choose(
        from heard: [HeardClip], studio: [HeardClip] = [], outOfFold: [SoundKind: HearingEvaluation.OutOfFold] = [:]
    ) -> HearingCalibration {
        let clips = heard + studio
        var entries: [SoundKind: Entry] = [:]
        for kind in SoundKind.allCases {
            guard clips.contains(where: { $0.clip.kind == kind }) else {
                entries[kind] = handSet(kind)
                continue
            }
            let yamnet = clips.map { clip in clip.scores.map { $0[kind] } }
            var scores = yamnet
            var method = "YAMNet's scores"
            var classifier: EmbeddingClassifier?
            if let held = outOfFold[kind], held.plain.count == heard.count,
                studio.isEmpty || held.studio.count == studio.count
            {
                let learnt = held.plain + held.studio
                if lowerAUC(kind, clips, learnt, heard.count) >= lowerAUC(kind, clips, yamnet, heard.count)
                    + classifierMargin
                {
                    scores = learnt
                    method = "the embedding classifier"
                    classifier = HearingEvaluation.train(kind, clips)
                }
            }
            let (onset, release) = levels(kind, clips, scores, Array(clips.indices))
            let heldOut = heldOutFigures(kind, clips, scores)
            let curve = confidenceCurve(kind, clips, scores)
            let speakers = Set(clips.filter { $0.clip.kind == kind }.map(\.clip.speaker)).count
            var entry = Entry(
                onset: onset, release: release, slope: curve.slope, intercept: curve.intercept,
                chosenOn:
                    "\(method) on \(heard.filter { $0.clip.kind == kind }.count) clips of \(speakers) speakers, "
                    + (studio.isEmpty ? "as recorded" : "as recorded and in a studio's sound")
                    + "; onset at 1 % and release at 5 % of other sounds' windows",
                heldOutRecall: heldOut.recall, heldOutFalsePositives: heldOut.falsePositives)
            if let classifier {
                // Standardisation folded into the weights: z = bias + Σ weights[i] · embedding[i].
                var bias = classifier.bias
                var weights = [Float](repeating: 0, count: classifier.weights.count)
                for i in weights.indices {
                    weights[i] = classifier.weights[i] * classifier.scale[i]
                    bias -= weights[i] * classifier.mean[i]
                }
                entry.classifier = Entry.Classifier(weights: weights, bias: bias)
            }
            entries[kind] = entry
        }
        return HearingCalibration(kinds: entries)
    }

    /// The lower of the clip-level AUCs as recorded (the first `plainCount` clips) and in the studio.
    private static func lowerAUC(_ kind: SoundKind, _ clips: [HeardClip], _ scores: [[Float]], _ plainCount: Int)
        -> Double
    {
        func auc(_ range: Range<Int>) -> Double {
            let loudest = range.map { scores[$0].max() ?? 0 }
            let positive = range.map { clips[$0].clip.kind == kind }
            return Separability.auc(
                positives: zip(loudest, positive).filter(\.1).map(\.0),
                negatives: zip(loudest, positive).filter { !$0.1 }.map(\.0))
        }
        let plain = auc(0..<plainCount)
        return plainCount < clips.count ? min(plain, auc(plainCount..<clips.count)) : plain
    }

    private static func levels(_ kind: SoundKind, _ clips: [HeardClip], _ scores: [[Float]], _ indices: [Int]) -> (
        onset: Float, release: Float
    ) {
        var negatives: [Float] = []
        for index in indices where clips[index].clip.kind != kind { negatives += scores[index] }
        let onset = max(
            lowestOnset, Separability.threshold(negatives: negatives, falsePositiveRate: onsetFalsePositiveRate))
        let release = Separability.threshold(negatives: negatives, falsePositiveRate: releaseFalsePositiveRate)
        return (onset, min(onset, max(release, onset / 2)))
    }

    /// Levels chosen without each fold of speakers, tried on it: the share of the kind's clips
    /// heard, and of other sounds' windows taken for it.
    private static func heldOutFigures(_ kind: SoundKind, _ clips: [HeardClip], _ scores: [[Float]]) -> (
        recall: Double?, falsePositives: Double?
    ) {
        var (found, positives, falseWindows, negativeWindows) = (0, 0, 0, 0)
        let all = Array(clips.indices)
        for f in 0..<HearingEvaluation.folds {
            let training = all.filter { HearingEvaluation.fold(of: clips[$0].clip.speaker) != f }
            let onset = levels(kind, clips, scores, training).onset
            for index in all where HearingEvaluation.fold(of: clips[index].clip.speaker) == f {
                if clips[index].clip.kind == kind {
                    positives += 1
                    if (scores[index].max() ?? 0) >= onset { found += 1 }
                } else {
                    negativeWindows += scores[index].count
                    falseWindows += scores[index].filter { $0 >= onset }.count
                }
            }
        }
        return (
            positives > 0 ? Double(found) / Double(positives) : nil,
            negativeWindows > 0 ? Double(falseWindows) / Double(negativeWindows) : nil
        )
    }

    /// A logistic curve on the log-odds of each clip's loudest window, fitted by damped Newton
    /// steps (each step halved until the fit improves) with the kind's clips and the others weighed
    /// equally (so 0.5 means "as likely as not" whatever the share of the kind in the
    /// recordings), and a small ridge so that perfectly separated kinds keep a finite slope.
    static func confidenceCurve(_ kind: SoundKind, _ clips: [HeardClip], _ scores: [[Float]]) -> (
        slope: Float, intercept: Float
    ) {
        let points = clips.indices.map { index -> (x: Double, positive: Bool) in
            let s = Double(min(max(scores[index].max() ?? 0, 1e-6), 1 - 1e-6))
            return (log(s / (1 - s)), clips[index].clip.kind == kind)
        }
        let positives = Double(points.filter(\.positive).count)
        let negatives = Double(points.count) - positives
        guard positives > 0, negatives > 0 else { return (1, 0) }
        let ridge = 1e-3
        func weight(_ positive: Bool) -> Double { positive ? 0.5 / positives : 0.5 / negatives }
        /// The penalised log-likelihood (higher is better).
        func fit(_ a: Double, _ b: Double) -> Double {
            var total = -0.5 * ridge * (a * a + b * b)
            for point in points {
                let z = a * point.x + b
                // log σ(z) and log(1 − σ(z)), computed without overflow.
                let logP = -(max(0, -z) + log(1 + exp(-abs(z))))
                let logQ = -(max(0, z) + log(1 + exp(-abs(z))))
                total += weight(point.positive) * (point.positive ? logP : logQ)
            }
            return total
        }
        var (a, b) = (1.0, 0.0)
        var current = fit(a, b)
        for _ in 0..<100 {
            var (g0, g1) = (-ridge * a, -ridge * b)
            var (h0, h1, h2) = (ridge, 0.0, ridge)
            for point in points {
                let w = weight(point.positive)
                let p = 1 / (1 + exp(-(a * point.x + b)))
                let r = (point.positive ? 1.0 : 0.0) - p
                let v = max(p * (1 - p), 1e-12) * w
                g0 += w * r * point.x
                g1 += w * r
                h0 += v * point.x * point.x
                h1 += v * point.x
                h2 += v
            }
            let determinant = h0 * h2 - h1 * h1
            guard determinant > 0 else { break }
            var da = (h2 * g0 - h1 * g1) / determinant
            var db = (h0 * g1 - h1 * g0) / determinant
            var improved = false
            for _ in 0..<30 {
                let next = fit(a + da, b + db)
                if next >= current {
                    (a, b, current, improved) = (a + da, b + db, next, true)
                    break
                }
                da /= 2
                db /= 2
            }
            if !improved || abs(da) + abs(db) < 1e-9 { break }
        }
        // The curve must rise with the score.
        return a > 0 && a.isFinite && b.isFinite ? (Float(a), Float(b)) : (1, 0)
    }
}
