import Foundation
import Hummingbird
import UnknotStudio

extension WebPages {
    /// The admin's view of the studio's e-mail: the latest 200 mails, newest first, with what
    /// waits and why (the mail server's last answer) and what failed for good.
    func addOutboxRoutes(to groups: PageGroups) {
        groups.admins.get("/admin/mail") { request, _ in
            let caller = try signedInAdmin(request)
            let mails = try await studio.outbox(caller, limit: 200)
            let zone = studio.settings.timeZone
            let waiting = mails.filter { $0.state == .waiting }.count
            let failed = mails.filter { $0.state == .failed }.count
            return render(
                "outbox", title: "The studio's e-mail",
                [
                    "summary": "\(mails.count) latest: \(waiting) waiting, \(failed) failed",
                    "hasMails": !mails.isEmpty,
                    "mails": mails.map { mail in
                        let state: String =
                            switch mail.state {
                            case .sent: "sent \(mail.sentAt.map { StudioTime($0, in: zone).spoken } ?? "")"
                            case .waiting:
                                "waiting; next try \(StudioTime(mail.nextAttemptAt, in: zone).spoken)"
                            case .failed: "failed"
                            }
                        return [
                            "kind": mail.kind.replacingOccurrences(of: "-", with: " "), "to": mail.recipient,
                            "written": StudioTime(mail.createdAt, in: zone).spoken, "state": state,
                            "isFailed": mail.state == .failed, "attempts": mail.attempts,
                            "error": mail.lastError ?? "",
                        ] as [String: Any]
                    },
                ])
        }
    }
}
