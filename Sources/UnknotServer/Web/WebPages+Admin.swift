import Foundation
import Hummingbird
import UnknotCore
import UnknotStudio

extension WebPages {
    /// The admin's pages (issue #18): prices by length, programs offered, promo codes with their
    /// rules and uses, stations (name, in service or not). Every form goes through the same studio
    /// calls as the API, so the same rules and messages apply; a refusal shows the page again with
    /// the reason and nothing changed.
    func addAdminRoutes(to groups: PageGroups) {
        groups.admins.get("/admin") { request, _ in try await adminPage(request) }
        groups.admins.post("/admin/prices") { request, _ in
            let caller = try signedInAdmin(request)
            let form = try await FormFields.read(request)
            return try await adminAction(request, done: "Prices saved.") { () throws(StudioError) in
                var prices: [Int: Int] = [:]
                for pair in form.fields(withPrefix: "price-") {
                    guard let minutes = Int(pair.name.dropFirst("price-".count)),
                        !pair.value.trimmingCharacters(in: .whitespaces).isEmpty
                    else { continue }
                    guard let cents = Self.cents(pair.value) else {
                        throw StudioError(
                            .invalid, field: pair.name,
                            "the price for \(minutes) minutes, “\(pair.value)”, is not an amount; write it like 45.00")
                    }
                    prices[minutes] = cents
                }
                _ = try await studio.setPrices(caller, prices)
            }
        }
        groups.admins.post("/admin/programs/:id") { request, context in
            let caller = try signedInAdmin(request)
            let id = context.parameters.get("id") ?? ""
            let form = try await FormFields.read(request)
            return try await adminAction(request, done: "The program is saved.") { () throws(StudioError) in
                let lengths = form.all("length").compactMap { Int($0) }
                _ = try await studio.updateProgram(
                    caller, id: id,
                    ProgramChange(
                        bookable: form.has("bookable"), acceptsPromoCodes: form.has("acceptsPromoCodes"),
                        lengths: lengths))
            }
        }
        groups.admins.post("/admin/promo-codes") { request, _ in
            let caller = try signedInAdmin(request)
            let form = try await FormFields.read(request)
            return try await adminAction(request, done: "The code is made.") { () throws(StudioError) in
                _ = try await studio.createPromoCode(caller, try Self.promoCode(form))
            }
        }
        groups.admins.post("/admin/promo-codes/:code") { request, context in
            let caller = try signedInAdmin(request)
            let code = context.parameters.get("code") ?? ""
            let form = try await FormFields.read(request)
            return try await adminAction(request, done: "\(code) is saved.") { () throws(StudioError) in
                let until = try Self.optionalDate(form["validUntil"], field: "validUntil")
                let uses = try Self.optionalNumber(form["totalUses"], field: "totalUses")
                _ = try await studio.updatePromoCode(
                    caller, code: code, PromoCodeChange(active: form.has("active"), validUntil: until, totalUses: uses))
            }
        }
        groups.admins.post("/admin/stations/:id") { request, context in
            let caller = try signedInAdmin(request)
            let id = context.parameters.get("id").flatMap { Int($0) } ?? 0
            let form = try await FormFields.read(request)
            return try await adminAction(request, done: "The station is saved.") { () throws(StudioError) in
                let hours = try Self.openingHours(form)
                let bufferText = (form["cleaningBuffer"] ?? "").trimmingCharacters(in: .whitespaces)
                let buffer = bufferText.isEmpty ? nil : Int(bufferText)
                guard bufferText.isEmpty || buffer != nil else {
                    throw StudioError(
                        .invalid, field: "cleaningBuffer",
                        "“\(bufferText)” is not a number of minutes for the cleaning; write a whole number like 10")
                }
                _ = try await studio.updateStation(
                    caller, id: id,
                    StationChange(
                        name: form["name"], status: form["status"].flatMap(StationStatus.init(rawValue:)),
                        cleaningBuffer: buffer, hours: hours))
            }
        }
        groups.admins.post("/admin/stations") { request, _ in
            let caller = try signedInAdmin(request)
            let form = try await FormFields.read(request)
            let name = form["name"] ?? ""
            return try await adminAction(request, done: "\(name) is added.") { () throws(StudioError) in
                _ = try await studio.createStation(caller, StationChange(name: name))
            }
        }
    }

    /// A station's hours from its seven fields (`hours-0`, Monday, to `hours-6`): ranges like
    /// `09:00-13:00, 14:00-20:00`, empty or "closed" for a closed day; `nil` when the form has none.
    static func openingHours(_ form: FormFields) throws(StudioError) -> OpeningHours? {
        guard form.has("hours-0") else { return nil }
        var days: [[String]] = []
        for weekday in 0..<7 {
            let text = (form["hours-\(weekday)"] ?? "").trimmingCharacters(in: .whitespaces)
            let ranges =
                text.lowercased() == "closed"
                ? []
                : text.split(separator: ",").map {
                    $0.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "–", with: "-")
                }.filter { !$0.isEmpty }
            days.append(ranges)
        }
        do {
            return try OpeningHours(text: days)
        } catch {
            throw StudioError(.invalid, field: "hours", "the opening hours: \(error.description)")
        }
    }

    func signedInAdmin(_ request: Request) throws -> Caller {
        let caller = try signedIn(request)
        guard caller.role == .admin else {
            throw StudioError(.forbidden, "the admin pages are for the studio's admins")
        }
        return caller
    }

    /// Runs an admin's change: back to the page with a notice, or with the reason it was refused.
    func adminAction(
        _ request: Request, done: String, _ change: () async throws(StudioError) -> Void
    ) async throws -> Response {
        do throws(StudioError) {
            try await change()
        } catch {
            return try await adminPage(request, problem: Self.sentence(error.message), status: .unprocessableContent)
        }
        return Self.redirect("/admin?saved=\(Self.escapeQuery(done))")
    }

    func adminPage(_ request: Request, problem: String? = nil, status: HTTPResponse.Status = .ok) async throws
        -> Response
    {
        let caller = try signedInAdmin(request)
        let prices = try await studio.priceList()
        let offers = try await studio.programs()
        let codes = try await studio.promoCodes(caller)
        let stations = try await studio.stations(caller)
        return render(
            "admin", title: "Run the studio",
            [
                "saved": request.uri.queryParameters["saved"].map(String.init) ?? "", "problem": problem ?? "",
                "prices": ProgramCatalog.bookableLengths.map { minutes in
                    [
                        "minutes": minutes,
                        "value": prices.prices[minutes].map { String(format: "%.2f", Double($0.cents) / 100) } ?? "",
                    ] as [String: Any]
                },
                "programs": offers.map { offer in
                    [
                        "id": offer.id, "name": offer.name, "bookable": offer.bookable,
                        "acceptsPromoCodes": offer.acceptsPromoCodes,
                        "lengths": ProgramCatalog.bookableLengths.map {
                            ["value": $0, "checked": offer.lengths.contains($0), "id": "\(offer.id)-\($0)"]
                                as [String: Any]
                        },
                    ] as [String: Any]
                },
                "codes": codes.map { view in
                    let code = view.code
                    return [
                        "code": code.code, "rules": Self.promoRules(code), "active": view.active,
                        "uses": code.totalUses.map { "\(code.uses) of \($0)" } ?? "\(code.uses)",
                        "validUntil": code.validUntil?.description ?? "",
                        "totalUses": code.totalUses.map(String.init) ?? "",
                    ] as [String: Any]
                },
                "stations": stations.map { station in
                    [
                        "id": station.id, "name": station.name,
                        "statuses": StationStatus.allCases.map {
                            [
                                "value": $0.rawValue, "label": $0.rawValue.replacingOccurrences(of: "-", with: " "),
                                "selected": $0 == station.status,
                            ] as [String: Any]
                        },
                        "buffer": station.cleaningBuffer,
                        "days": station.hours.text.enumerated().map { weekday, ranges in
                            [
                                "station": station.id, "weekday": weekday, "day": Self.weekdays[weekday],
                                "ranges": ranges.joined(separator: ", "),
                            ] as [String: Any]
                        },
                    ] as [String: Any]
                },
            ], status: status)
    }

    /// "45", "45.5" or "45.00" (dollars) as cents; `nil` for anything else.
    static func cents(_ text: String) -> Int? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "$", with: "")
        let parts = trimmed.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let whole = Int(parts[0]), whole >= 0, whole <= 100_000 else { return nil }
        guard parts.count == 2 else { return whole * 100 }
        let fraction = parts[1]
        guard (1...2).contains(fraction.count), fraction.allSatisfy(\.isNumber), let cents = Int(fraction) else {
            return nil
        }
        return whole * 100 + (fraction.count == 1 ? cents * 10 : cents)
    }

    static func optionalDate(_ text: String?, field: String) throws(StudioError) -> CalendarDate? {
        guard let text, !text.isEmpty else { return nil }
        guard let date = CalendarDate(text) else {
            throw StudioError(.invalid, field: field, "“\(text)” is not a date; write it like 2026-12-31")
        }
        return date
    }

    static func optionalNumber(_ text: String?, field: String) throws(StudioError) -> Int? {
        guard let text, !text.isEmpty else { return nil }
        guard let number = Int(text), number > 0 else {
            throw StudioError(
                .invalid, field: field, "“\(text)” is not a number of uses; write a whole number like 100")
        }
        return number
    }

    /// A new code from the admin's form: an amount or a percentage off, and its rules.
    static func promoCode(_ form: FormFields) throws(StudioError) -> PromoCode {
        let amount = form["amount"] ?? ""
        let percent = form["percent"] ?? ""
        let discount: PromoCode.Discount
        if !amount.isEmpty {
            guard let cents = cents(amount) else {
                throw StudioError(.invalid, field: "amount", "“\(amount)” is not an amount; write it like 10.00")
            }
            discount = .amount(Money(cents: cents))
        } else if let p = Int(percent) {
            discount = .percent(p)
        } else {
            throw StudioError(.invalid, field: "amount", "give an amount off (like 10.00) or a percentage (like 15)")
        }
        do {
            return try PromoCode(
                code: form["code"] ?? "", discount: discount, minimumMinutes: Int(form["minimumMinutes"] ?? "") ?? 0,
                firstSessionOnly: form.has("firstSessionOnly"), oncePerClient: form.has("oncePerClient"),
                validUntil: try optionalDate(form["validUntil"], field: "validUntil"),
                totalUses: try optionalNumber(form["totalUses"], field: "totalUses"))
        } catch let error as PricingError {
            throw StudioError(.invalid, field: "code", error.description)
        } catch let error as StudioError {
            throw error
        } catch {
            throw StudioError(.invalid, field: "code", "\(error)")
        }
    }
}
