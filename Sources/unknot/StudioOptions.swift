import ArgumentParser
import UnknotStudio

/// How the studio presents itself: its name, where it is and how clients reach a person. The
/// pages, e-mails and calendar entries say them.
struct StudioOptions: ParsableArguments {
    @Option(name: .customLong("studio-name"), help: "The studio's name, as pages and e-mails say it.")
    var name = "Unknot studio"

    @Option(name: .customLong("studio-address"), help: "Where the studio is (calendar entries and pages).")
    var address = "Unknot studio"

    @Option(name: .customLong("studio-phone"), help: "The studio's telephone number, shown where a person is needed.")
    var phone = ""

    @Option(
        name: .customLong("studio-email"),
        help: "Where clients write to the studio (default: the --mail-from address).")
    var email = ""

    /// Sets these in `settings`; every wrong one is named in `problems`.
    func apply(to settings: inout StudioSettings, problems: inout [String]) {
        let checks: [(String, String, Int)] = [
            ("--studio-name", name, 100), ("--studio-address", address, 300), ("--studio-phone", phone, 40),
        ]
        for (option, value, limit) in checks
        where value.count > limit || value.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
        {
            problems.append("\(option) must be one line of at most \(limit) characters")
        }
        if !email.isEmpty {
            do { _ = try MailAddress(email) } catch {
                problems.append("--studio-email \(email) is not an e-mail address; write it like hello@example.com")
            }
        }
        settings.studioName = name
        settings.address = address
        settings.phone = phone
        settings.contactEmail = email
    }
}
