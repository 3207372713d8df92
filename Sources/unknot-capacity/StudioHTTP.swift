import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The studio's API and pages over HTTP, as the load sets itself up: sign-ins, stations and
/// their credentials, bookings, and starting a session from its page (which answers with the
/// console's address).
struct StudioHTTP: Sendable {
    let base: String

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    func call(
        _ method: String, _ path: String, token: String? = nil, json: [String: Any]? = nil, cookie: String? = nil
    ) async throws -> (status: Int, json: [String: Any], array: [[String: Any]], url: String) {
        guard let url = URL(string: base + path) else { throw Failure(description: "bad address \(base + path)") }
        var request = URLRequest(url: url)
        request.httpMethod = method
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        if let cookie {
            request.setValue("unknot_session=\(cookie)", forHTTPHeaderField: "Cookie")
            request.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
            request.httpBody = Data()
        }
        if let json {
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            request.httpBody = try JSONSerialization.data(withJSONObject: json)
        }
        let (data, response) = try await URLSession.shared.data(for: request)
        let object = try? JSONSerialization.jsonObject(with: data)
        return (
            (response as? HTTPURLResponse)?.statusCode ?? 0, object as? [String: Any] ?? [:],
            object as? [[String: Any]] ?? [], response.url?.path ?? ""
        )
    }

    func signIn(_ email: String, _ password: String) async throws -> String {
        let reply = try await call("POST", "/api/auth/login", json: ["email": email, "password": password])
        guard let token = reply.json["token"] as? String else {
            throw Failure(description: "\(email) could not sign in (\(reply.status)): check the password")
        }
        return token
    }

    /// Stations up to `count` (creating the missing ones), each but the first `skip` with a new
    /// credential.
    func stationTokens(count: Int, skip: Int, admin: String) async throws -> [(station: Int, token: String)] {
        var ids = try await call("GET", "/api/stations", token: admin).array.compactMap { $0["id"] as? Int }
        while ids.count < count {
            let made = try await call(
                "POST", "/api/stations", token: admin, json: ["name": "Load \(ids.count + 1)", "status": "in-service"])
            guard let id = made.json["id"] as? Int else {
                throw Failure(description: "a station could not be created (\(made.status)): \(made.json)")
            }
            ids.append(id)
        }
        var tokens: [(Int, String)] = []
        for id in ids.sorted().prefix(count).dropFirst(skip) {
            let issued = try await call(
                "POST", "/api/stations/\(id)/credentials", token: admin, json: ["label": "capacity"])
            guard let token = issued.json["token"] as? String else {
                throw Failure(description: "no credential for station \(id) (\(issued.status))")
            }
            tokens.append((id, token))
        }
        return tokens
    }

    func book(_ client: String, station: Int, start: String) async throws -> String {
        let booked = try await call(
            "POST", "/api/bookings", token: client,
            json: ["program": "express", "minutes": 15, "start": start, "stationId": station])
        guard let id = booked.json["id"] as? String else {
            throw Failure(description: "station \(station) could not be booked (\(booked.status)): \(booked.json)")
        }
        return id
    }

    /// Starts a booked session as its client does: the day's health questions answered, then
    /// the booking page's Start; the studio answers with the console's address; its session id
    /// is returned.
    func startFromPage(_ booking: String, cookie: String) async throws -> String? {
        let today: [String: Any] = [
            "fever": false, "acuteInfection": false, "painMedication": false, "muscleRelaxants": false,
        ]
        let answered = try await call("PUT", "/api/bookings/\(booking)/today", token: cookie, json: today)
        guard answered.status == 200 else {
            throw Failure(
                description: "the day's answers for \(booking) were refused (\(answered.status)): \(answered.json)")
        }
        let reply = try await call("POST", "/bookings/\(booking)/start", cookie: cookie)
        guard reply.url.hasPrefix("/console/") else { return nil }
        return String(reply.url.dropFirst("/console/".count))
    }
}
