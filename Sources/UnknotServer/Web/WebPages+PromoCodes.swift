import Foundation
import Hummingbird
import UnknotStudio

extension WebPages {
    /// A promo code's page for the admin: its rules and who used it on which session.
    func addPromoCodeRoutes(to groups: PageGroups) {
        groups.admins.get("/admin/promo-codes/:code") { request, context in
            let caller = try signedInAdmin(request)
            let name = (context.parameters.get("code") ?? "").uppercased()
            guard let view = try await studio.promoCodes(caller).first(where: { $0.code.code == name }) else {
                throw StudioError(.notFound, "there is no promo code \(name); the codes are on the admin page")
            }
            let uses = try await studio.promoRedemptions(caller, code: name)
            let code = view.code
            return render(
                "promo-code", title: "Promo code \(name)",
                [
                    "code": name, "rules": Self.promoRules(code), "active": view.active,
                    "uses": code.totalUses.map { "\(code.uses) of \($0)" } ?? "\(code.uses)",
                    "hasRedemptions": !uses.isEmpty,
                    "redemptions": uses.map { use in
                        [
                            "when": use.start.spoken, "client": use.clientName, "email": use.clientEmail,
                            "status": use.status.text, "off": Self.money(use.discountCents),
                        ] as [String: Any]
                    },
                ])
        }
    }

    /// A code's rules in words: "$10.00 off, from 30 minutes, first session only, once per client".
    static func promoRules(_ code: PromoCode) -> String {
        let off: String =
            switch code.discount {
            case .amount(let money): "\(money) off"
            case .percent(let percent): "\(percent)% off"
            }
        var rules = [off]
        if code.minimumMinutes > 0 { rules.append("from \(code.minimumMinutes) minutes") }
        if code.firstSessionOnly { rules.append("first session only") }
        if code.oncePerClient { rules.append("once per client") }
        if let until = code.validUntil { rules.append("until \(until)") }
        return rules.joined(separator: ", ")
    }
}
