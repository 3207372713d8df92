import Foundation
import UnknotCore

extension CarePlanVersion {
    /// What `caller` may see of this version when a session starts (issue #17, finding 12): its
    /// client all of it; staff and admins the plan without its health answers, and only when the
    /// client lets staff be told (`staffMayBeAlerted`); otherwise nothing (the version number is
    /// on the booking).
    public func seen(by caller: Caller) -> CarePlanVersion? {
        guard caller.role.isStaff else { return self }
        guard plan.staffMayBeAlerted else { return nil }
        var shown = self
        shown.plan.health = HealthScreening()
        if var object = (try? JSONSerialization.jsonObject(with: Data(json.utf8))) as? [String: Any] {
            object.removeValue(forKey: "health")
            if let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) {
                shown.json = String(decoding: data, as: UTF8.self)
            }
        }
        return shown
    }
}
