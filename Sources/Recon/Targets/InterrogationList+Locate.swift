extension InterrogationList {
    /// Adds point E: the hosts RFC 3263 returns for the From URI (``DNSClient/locateSIPServer(host:port:secure:)``),
    /// each with the located port. Returns the list and the location lookup (kept for the report).
    public func locatingFromDomain(
        with dns: DNSClient
    ) async -> (list: InterrogationList, location: Lookup<[SIPTarget]>?) {
        guard let host = self.fromHost else { return (self, nil) }
        let location = await dns.locateSIPServer(host: host, port: self.fromPort, secure: self.fromIsSecure)
        var list = self
        for target in location.value ?? [] {
            list.add(target.address.description, role: .fromLocation, sipPort: target.port)
        }
        return (list, location)
    }
}
