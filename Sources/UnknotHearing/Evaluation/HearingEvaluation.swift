/// How well Unknot tells each kind of sound from every other sound and from speech, on labelled
/// clips, cross-validated by speaker: no speaker's clips are in both the training and the test
/// folds.
public enum HearingEvaluation {
    public enum Method: String, Sendable, CaseIterable {
        case yamnet = "YAMNet's scores"
        case classifier = "embedding classifier"
    }

    public struct Result: Sendable {
        public var kind: SoundKind
        public var method: Method
        /// The area under the ROC curve, clip by clip (a clip scores its loudest window).
        public var auc: Double
        /// The share of positives found at a 5 % false-positive rate.
        public var recall: Double
        public var positives: Int
        public var negatives: Int
    }

    public static let folds = 5

    /// The classifier's score for every window of every clip, each from the classifier fitted
    /// without that clip's speaker's fold: as recorded, and in the studio (when measured).
    public struct OutOfFold: Sendable {
        public var plain: [[Float]]
        public var studio: [[Float]]
    }

    /// The fold a speaker's clips belong to (FNV-1a of the speaker id).
    public static func fold(of speaker: String) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in speaker.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return Int(hash % UInt64(folds))
    }

    /// Each kind's separability by each method, on held-out folds, for the clips as recorded and,
    /// when given, the same clips in a studio's sound (`studio[i]` is `heard[i]` mixed). The
    /// classifier is fitted on the training folds' windows of both, so it learns the room too.
    /// - Returns: the results on `heard`, then (when given) on `studio`.
    public static func evaluate(_ heard: [HeardClip], studio: [HeardClip] = [], kinds: [SoundKind]) -> (
        plain: [Result], studio: [Result], outOfFold: [SoundKind: OutOfFold]
    ) {
        var plainResults: [Result] = []
        var studioResults: [Result] = []
        var outOfFold: [SoundKind: OutOfFold] = [:]
        let sets = studio.count == heard.count ? [heard, studio] : [heard]
        for kind in kinds {
            let isPositive = heard.map { $0.clip.kind == kind }
            var held = sets.map { [Float](repeating: 0, count: $0.count) }
            var windows = sets.map { [[Float]](repeating: [], count: $0.count) }
            for f in 0..<folds {
                let training = heard.indices.filter { fold(of: heard[$0].clip.speaker) != f }
                let model = train(kind, sets.flatMap { set in training.map { set[$0] } })
                for index in heard.indices where fold(of: heard[index].clip.speaker) == f {
                    for s in sets.indices {
                        windows[s][index] = sets[s][index].embeddings.map { e in
                            e.withUnsafeBufferPointer { model.probability($0) }
                        }
                        held[s][index] = windows[s][index].max() ?? 0
                    }
                }
            }
            outOfFold[kind] = OutOfFold(plain: windows[0], studio: sets.count == 2 ? windows[1] : [])
            plainResults.append(result(kind, .yamnet, heard.map { $0.score(kind) }, isPositive))
            plainResults.append(result(kind, .classifier, held[0], isPositive))
            if sets.count == 2 {
                studioResults.append(result(kind, .yamnet, studio.map { $0.score(kind) }, isPositive))
                studioResults.append(result(kind, .classifier, held[1], isPositive))
            }
        }
        return (plainResults, studioResults, outOfFold)
    }

    /// A classifier for `kind` fitted on the windows of `clips` (each window labelled as its clip).
    public static func train(_ kind: SoundKind, _ clips: [HeardClip]) -> EmbeddingClassifier {
        var examples: [[Float]] = []
        var labels: [Bool] = []
        for clip in clips {
            examples += clip.embeddings
            labels += Array(repeating: clip.clip.kind == kind, count: clip.embeddings.count)
        }
        return EmbeddingClassifier.train(kind: kind, examples: examples, labels: labels)
    }

    private static func result(_ kind: SoundKind, _ method: Method, _ scores: [Float], _ positive: [Bool]) -> Result {
        let positives = zip(scores, positive).filter { $0.1 }.map(\.0)
        let negatives = zip(scores, positive).filter { !$0.1 }.map(\.0)
        return Result(
            kind: kind, method: method, auc: Separability.auc(positives: positives, negatives: negatives),
            recall: Separability.recall(positives: positives, negatives: negatives, atFalsePositiveRate: 0.05),
            positives: positives.count, negatives: negatives.count)
    }
}
