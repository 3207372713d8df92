extension DatagramSocket.Endpoint {
    /// `udp://HOST:PORT`, HOST an IPv4 address. The error names what is wrong and how to write it.
    public init(url text: String) throws(DatagramSocketError) {
        let example = "write it as udp://HOST:PORT, e.g. udp://127.0.0.1:7400"
        guard text.hasPrefix("udp://") else { throw DatagramSocketError("\(text) is not a udp:// address; \(example)") }
        let rest = text.dropFirst("udp://".count)
        guard let colon = rest.lastIndex(of: ":"), let port = UInt16(rest[rest.index(after: colon)...]) else {
            throw DatagramSocketError("\(text) has no port (0-65535); \(example)")
        }
        try self.init(host: String(rest[..<colon]), port: port)
    }
}
