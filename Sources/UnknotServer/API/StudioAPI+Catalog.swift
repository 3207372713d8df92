import Foundation
import OpenAPIRuntime
import UnknotCore
import UnknotStudio

extension StudioAPI {
    func listPrograms(_ input: Operations.ListPrograms.Input) async throws -> Operations.ListPrograms.Output {
        .ok(.init(body: .json(try await studio.programs().map(Components.Schemas.ProgramOffer.init))))
    }

    func updateProgram(_ input: Operations.UpdateProgram.Input) async throws -> Operations.UpdateProgram.Output {
        let caller = try caller()
        guard case .json(let body) = input.body else { throw StudioError(.badRequest, "send JSON") }
        let change = ProgramChange(
            bookable: body.bookable, acceptsPromoCodes: body.acceptsPromoCodes,
            lengths: body.lengths?.map(\.rawValue))
        let offer = try await studio.updateProgram(caller, id: input.path.programId, change)
        return .ok(.init(body: .json(.init(offer))))
    }

    func listPrices(_ input: Operations.ListPrices.Input) async throws -> Operations.ListPrices.Output {
        .ok(.init(body: .json(Self.prices(try await studio.priceList()))))
    }

    func putPrices(_ input: Operations.PutPrices.Input) async throws -> Operations.PutPrices.Output {
        let caller = try caller()
        guard case .json(let body) = input.body else { throw StudioError(.badRequest, "send JSON") }
        var prices: [Int: Int] = [:]
        for price in body {
            guard prices[price.minutes.rawValue] == nil else {
                throw StudioError(
                    .invalid, field: "minutes", "\(price.minutes.rawValue) minutes has two prices; give one")
            }
            guard (0...10_000_000).contains(price.cents) else {
                throw StudioError(.invalid, field: "cents", "a price is 0 to 10000000 cents, not \(price.cents)")
            }
            prices[price.minutes.rawValue] = price.cents
        }
        return .ok(.init(body: .json(Self.prices(try await studio.setPrices(caller, prices)))))
    }

    static func prices(_ list: PriceList) -> [Components.Schemas.Price] {
        list.prices.sorted { $0.key < $1.key }.compactMap { minutes, price in
            Components.Schemas.Price.MinutesPayload(rawValue: minutes).map { .init(minutes: $0, cents: price.cents) }
        }
    }

    func listPromoCodes(_ input: Operations.ListPromoCodes.Input) async throws -> Operations.ListPromoCodes.Output {
        .ok(.init(body: .json(try await studio.promoCodes(try caller()).map(Components.Schemas.PromoCode.init))))
    }

    func createPromoCode(_ input: Operations.CreatePromoCode.Input) async throws -> Operations.CreatePromoCode.Output {
        let caller = try caller()
        guard case .json(let body) = input.body else { throw StudioError(.badRequest, "send JSON") }
        let discount: PromoCode.Discount
        switch (body.amountOffCents, body.percentOff) {
        case (let cents?, nil): discount = .amount(Money(cents: cents))
        case (nil, let percent?): discount = .percent(percent)
        default:
            throw StudioError(
                .invalid, field: "amountOffCents", "give either amountOffCents or percentOff, one of them")
        }
        let from = try body.validFrom.map { text throws(StudioError) in try Studio.date(text, field: "validFrom") }
        let until = try body.validUntil.map { text throws(StudioError) in try Studio.date(text, field: "validUntil") }
        if let minimum = body.minimumMinutes, !(0...240).contains(minimum) {
            throw StudioError(.invalid, field: "minimumMinutes", "give 0 to 240 minutes")
        }
        let code: PromoCode
        do {
            code = try PromoCode(
                code: body.code, discount: discount, minimumMinutes: body.minimumMinutes ?? 0,
                firstSessionOnly: body.firstSessionOnly ?? false, oncePerClient: body.oncePerClient ?? false,
                validFrom: from, validUntil: until, totalUses: body.totalUses)
        } catch {
            throw StudioError(.invalid, field: "code", error.description)
        }
        guard code.code.count <= 32 else { throw StudioError(.invalid, field: "code", "use at most 32 characters") }
        return .created(.init(body: .json(.init(try await studio.createPromoCode(caller, code)))))
    }

    func updatePromoCode(_ input: Operations.UpdatePromoCode.Input) async throws -> Operations.UpdatePromoCode.Output {
        let caller = try caller()
        guard case .json(let body) = input.body else { throw StudioError(.badRequest, "send JSON") }
        let until = try body.validUntil.map { text throws(StudioError) in try Studio.date(text, field: "validUntil") }
        if let total = body.totalUses, !(1...PromoCode.mostUses).contains(total) {
            throw StudioError(.invalid, field: "totalUses", "allow 1 to \(PromoCode.mostUses) uses in all")
        }
        let change = PromoCodeChange(active: body.active, validUntil: until, totalUses: body.totalUses)
        return .ok(.init(body: .json(.init(try await studio.updatePromoCode(caller, code: input.path.code, change)))))
    }

    func createQuote(_ input: Operations.CreateQuote.Input) async throws -> Operations.CreateQuote.Output {
        let caller = try caller()
        guard case .json(let body) = input.body else { throw StudioError(.badRequest, "send JSON") }
        let quote = try await studio.quote(
            caller, program: body.program, minutes: body.minutes, code: body.code)
        return .ok(.init(body: .json(.init(quote))))
    }
}
