import Foundation
import Metrics
import Prometheus
import Synchronization

/// The process's Prometheus registry, bootstrapped into swift-metrics once (the metrics system
/// can be bootstrapped only once per process; tests build many applications).
final class StudioMetrics: Sendable {
    static let shared = StudioMetrics()

    let registry: PrometheusCollectorRegistry

    private init() {
        registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
    }

    /// The text exposition of every metric.
    func exposition() -> String {
        var buffer: [UInt8] = []
        registry.emit(into: &buffer)
        return String(decoding: buffer, as: UTF8.self)
    }
}
