import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing
import UnknotStudio

@testable import UnknotServer

#if canImport(Glibc)
    import Glibc
#endif

/// Issue #17, finding 6: any path ending in `/record` was buffered up to 64 MiB before routing
/// and sign-in.
@Suite("Security: the large body limit is only for staff sending a session record")
struct RecordBodyLimitTests {
    static let twoMiB = ByteBuffer(repeating: UInt8(ascii: "x"), count: 2 << 20)

    @Test("2 MiB to a record path: refused with 413 for strangers, clients and other paths; staff get past the limit")
    func largeBodiesOnlyForStaff() async throws {
        try await TestStudio.run(.sqlite) { _, client in
            let t = try await client.tokens()
            let booking = "/api/bookings/\(UUID().uuidString.lowercased())/record"
            let asked: [(String, HTTPRequest.Method, String?)] = [
                (booking, .put, nil), (booking, .put, t.cleo), ("/anything/record", .put, nil),
                ("/api/bookings/x/y/record", .put, t.staff), (booking, .post, t.staff),
            ]
            for (uri, method, token) in asked {
                var headers: HTTPFields = [.contentType: "application/x-ndjson"]
                if let token { headers[.authorization] = "Bearer \(token)" }
                let response = try await client.executeRequest(
                    uri: uri, method: method, headers: headers, body: Self.twoMiB)
                #expect(
                    response.status == .contentTooLarge,
                    "\(method) \(uri) by \(token == nil ? "nobody" : "someone"): \(response.status)")
            }
            // Staff pass the limit and are told what is wrong with the booking instead.
            let staff = try await client.executeRequest(
                uri: booking, method: .put,
                headers: [.contentType: "application/x-ndjson", .authorization: "Bearer \(t.staff)"], body: Self.twoMiB)
            #expect(staff.status == .notFound, "\(staff.status)")
        }
    }
}

/// Issue #17, finding 6, the rest: a record that staff send is received onto disk as it arrives,
/// never held whole in memory while it comes, and only a few at once.
@Suite("Security: record uploads go to disk as they arrive, a few at once", .serialized)
struct RecordUploadTests {
    typealias RawClient = SlowClientTests.RawClient

    /// A booking of Cleo's, started by staff, ready for its record; and the staff token.
    static func startedBooking(
        _ studio: TestStudio, _ client: some TestClientProtocol
    ) async throws -> (id: String, staff: String, cleo: String) {
        let t = try await client.tokens()
        _ = try await client.call(.put, "/api/me/care-plan", token: t.cleo, json: ["schemaVersion": 1])
        let booked = try await client.book(t.cleo, program: "neck-jaw-shoulders", start: "2026-11-24T10:00")
        let id = try #require(booked.string("id"), "\(booked.detail)")
        studio.clock.set(TestStudio.monday.addingTimeInterval(86_400 + 115 * 60))  // Tuesday 09:55
        try await client.answerToday(id, token: t.staff)
        let started = try await client.call(.post, "/api/bookings/\(id)/start", token: t.staff, json: [String: Any]())
        #expect(started.status == .ok, "\(started.detail)")
        return (id, t.staff, t.cleo)
    }

    static func head(_ id: String, _ token: String) -> String {
        "PUT /api/bookings/\(id)/record HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer \(token)\r\n"
            + "Content-Type: application/x-ndjson\r\nTransfer-Encoding: chunked\r\n\r\n"
    }

    static func chunk(_ bytes: some Collection<UInt8>) -> [UInt8] {
        Array(String(bytes.count, radix: 16).utf8) + [13, 10] + Array(bytes) + [13, 10]
    }

    /// The upload files of every studio's inbox in this process's temporary folder.
    static func uploadFiles() -> [URL] {
        let temporary = FileManager.default.temporaryDirectory
        let names = (try? FileManager.default.contentsOfDirectory(atPath: temporary.path)) ?? []
        return names.filter { $0.hasPrefix(RecordInbox.folderPrefix) }.flatMap { name in
            let folder = temporary.appendingPathComponent(name)
            return ((try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? [])
                .filter { $0.lastPathComponent.hasPrefix("upload-") }
        }
    }

    @Test("Half a record sent: its bytes are already on disk; the rest sent, it is stored and the file goes")
    func onDiskAsItArrives() async throws {
        let record = try RecordedSession.make(program: "neck-jaw-shoulders", minutes: 60)
        let half = record.prefix(record.count / 2)
        try #require(half.count > 2 * RecordUploads.buffered, "a record of \(record.count) bytes is too small to tell")
        try await TestStudio.run(.sqlite, .live, demoStations: false) { studio, client in
            let (id, staff, cleo) = try await Self.startedBooking(studio, client)
            let before = Set(Self.uploadFiles())
            let raw = try RawClient(port: try #require(client.port))
            await raw.sendOnThread(Array(Self.head(id, staff).utf8) + Self.chunk(half))
            // The first half lands in a file of the studio's inbox while the request is open (all
            // but what the writer holds before it writes).
            var onDisk = 0
            var file: URL?
            // Other tests' uploads may be arriving too: this one's file is the one holding what
            // was sent, in order (a read beside the writer may see its last block half copied).
            var waited = 0
            while onDisk < half.count - RecordUploads.buffered, waited < 400 {
                for candidate in Set(Self.uploadFiles()).subtracting(before) {
                    let bytes = (try? Data(contentsOf: candidate)) ?? Data()
                    guard bytes.count > onDisk, half.starts(with: bytes.dropLast(RecordUploads.buffered)),
                        bytes.count > RecordUploads.buffered
                    else { continue }
                    (file, onDisk) = (candidate, bytes.count)
                }
                if onDisk < half.count - RecordUploads.buffered { try await Task.sleep(for: .milliseconds(25)) }
                waited += 1
            }
            #expect(onDisk >= half.count - RecordUploads.buffered, "\(onDisk) of \(half.count) bytes on disk")
            async let reading = raw.readHead()
            await raw.sendOnThread(Self.chunk(record.dropFirst(half.count)) + Array("0\r\n\r\n".utf8))
            let answer = await reading
            #expect(answer.hasPrefix("HTTP/1.1 201"), "\(answer.prefix(300))")
            if let file { #expect(!FileManager.default.fileExists(atPath: file.path), "the upload's file is gone") }
            let stored = try await client.call(.get, "/api/bookings/\(id)/record", token: cleo)
            #expect(stored.status == .ok, "\(stored.detail)")
        }
    }

    @Test("A chunked record past 64 MiB is refused with 413 as it passes, and its file goes")
    func tooLargeWhileArriving() async throws {
        try await TestStudio.run(.sqlite, .live, demoStations: false) { studio, client in
            let (id, staff, _) = try await Self.startedBooking(studio, client)
            let raw = try RawClient(port: try #require(client.port))
            let before = Set(Self.uploadFiles())
            let megabyte = Self.chunk([UInt8](repeating: UInt8(ascii: "x"), count: 1 << 20))
            // Read while sending: the answer comes before the body ends.
            async let reading = raw.readHead()
            let sent = await raw.sendOnThread(Array(Self.head(id, staff).utf8), then: megabyte, times: 70)
            let answer = await reading
            #expect(answer.hasPrefix("HTTP/1.1 413"), "after \(sent) MiB: \(answer.prefix(300))")
            // (Other tests' smaller uploads may be arriving meanwhile.)
            let left = Set(Self.uploadFiles()).subtracting(before).filter {
                ((try? FileManager.default.attributesOfItem(atPath: $0.path)[.size]) as? Int ?? 0) > 32 << 20
            }
            #expect(left.isEmpty, "no upload file left behind: \(left)")
        }
    }

    @Test("Eight uploads in progress: a ninth is refused with 503 at once; once they end, one is taken again")
    func fewAtOnce() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("unknot-uploads-\(UUID())")
        defer { try? FileManager.default.removeItem(at: folder) }
        let uploads = RecordUploads(directory: folder, limit: 1 << 20, uploads: 8)
        // Eight bodies that send a first chunk and then wait, as slow senders do.
        var ends: [AsyncStream<ArraySlice<UInt8>>.Continuation] = []
        var receiving: [Task<Int, any Error>] = []
        for _ in 0..<8 {
            let (body, end) = AsyncStream.makeStream(of: ArraySlice<UInt8>.self)
            end.yield(ArraySlice(repeating: UInt8(ascii: "x"), count: 1000))
            ends.append(end)
            receiving.append(Task { try await uploads.receive(body) { $0.count } })
        }
        var waited = 0
        while uploads.current < 8, waited < 2_000 {
            try await Task.sleep(for: .milliseconds(5))
            waited += 1
        }
        #expect(uploads.current == 8)
        let ninth = AsyncStream<ArraySlice<UInt8>> { $0.finish() }
        do {
            _ = try await uploads.receive(ninth) { $0.count }
            Issue.record("the ninth was taken")
        } catch let error as StudioError {
            #expect(error.kind == .unavailable && error.message.contains("again in a minute"), "\(error)")
        }
        for end in ends { end.finish() }
        for task in receiving { #expect(try await task.value == 1000) }
        #expect(uploads.current == 0)
        let again = AsyncStream<ArraySlice<UInt8>> {
            $0.yield([1, 2, 3])
            $0.finish()
        }
        #expect(try await uploads.receive(again) { $0.count } == 3)
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).isEmpty, "no file left")
    }
}
