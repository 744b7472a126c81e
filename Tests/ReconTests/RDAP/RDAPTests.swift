import Testing

@testable import Recon

@Suite struct RDAPTests {
    /// Shaped like RIPE's answer for an IPv4 network (RFC 9083 §5.4), trimmed.
    static let network = """
        {"rdapConformance":["cidr0","rdap_level_0"],"objectClassName":"ip network","handle":"130.200.0.0 - 130.200.255.255",
         "startAddress":"130.200.0.0","endAddress":"130.200.255.255","ipVersion":"v4","name":"POLE-NORD-NET","type":"ASSIGNED PA",
         "country":"FR","entities":[
           {"objectClassName":"entity","handle":"ORG-X","roles":["administrative"],
            "vcardArray":["vcard",[["version",{},"text","4.0"],["fn",{},"text","NOC Pole nord"],["kind",{},"text","group"]]]},
           {"objectClassName":"entity","handle":"ORG-Y","roles":["registrant"],
            "vcardArray":["vcard",[["version",{},"text","4.0"],["fn",{},"text","Universite Pole nord"]]],
            "entities":[{"roles":["abuse"],"vcardArray":["vcard",[["fn",{},"text","Abuse desk"]]]}]}],
         "links":[{"value":"https://rdap.db.ripe.net/ip/130.200.10.11","rel":"self","href":"https://rdap.db.ripe.net/ip/130.200.0.0/16"}]}
        """

    @Test func networkAnswerGivesTheRegistrantRangeNameAndCountry() throws {
        let response = try #require(RDAPResponse.parse(Array(Self.network.utf8)))
        #expect(response.organisation == "Universite Pole nord")
        #expect(response.networkRange == "130.200.0.0 - 130.200.255.255")
        #expect(response.networkName == "POLE-NORD-NET")
        #expect(response.country == "FR")
    }

    @Test func withoutEntitiesTheObjectNameIsTheOrganisation() throws {
        let text = #"{"objectClassName":"autnum","handle":"AS1200","startAutnum":1200,"name":"POLE-NORD-AS"}"#
        let response = try #require(RDAPResponse.parse(Array(text.utf8)))
        #expect(response.organisation == "POLE-NORD-AS")
        #expect(response.networkRange == nil)
    }

    @Test(arguments: [
        "", "null", "[]", "{}", #"{"errorCode":404,"title":"Not Found"}"#, #"{"objectClassName":12}"#,
        #"{"objectClassName":"entity","vcardArray":"vcard"}"#, "{\"objectClassName\":\"ip network\",\"name\":\"\u{0}",
        String(repeating: "[", count: 10_000),
    ])
    func hostileOrForeignBodiesAreNotRDAPObjects(body: String) {
        let parsed = RDAPResponse.parse(Array(body.utf8))
        if let parsed { #expect(parsed.organisation == nil || parsed.organisation!.utf8.count <= 256) }
    }

    @Test func longTextIsClipped() throws {
        let long = String(repeating: "x", count: 10_000)
        let text =
            #"{"objectClassName":"domain","ldhName":"a.test","name":""# + long + #"","country":""# + long + #""}"#
        let response = try #require(RDAPResponse.parse(Array(text.utf8)))
        #expect(response.organisation?.utf8.count == 256)
        #expect(response.country?.utf8.count == 8)
    }

    @Test func queriesBecomeRFC9082PathsOnlyFromValidatedValues() {
        #expect(RDAPClient.path(for: "130.200.10.11") == "ip/130.200.10.11")
        #expect(RDAPClient.path(for: "2001:db8::1") == "ip/2001:db8::1")
        #expect(RDAPClient.path(for: "AS1200") == "autnum/1200")
        #expect(RDAPClient.path(for: "1100") == "autnum/1100")
        #expect(RDAPClient.path(for: "Pole-Nord.FR") == "domain/pole-nord.fr")
        #expect(RDAPClient.path(for: "../../admin") == nil)
        #expect(RDAPClient.path(for: "a b") == nil)
        #expect(RDAPClient.path(for: "x?y=1") == nil)
        #expect(RDAPClient.authority(of: "https://rdap.db.ripe.net/ip/1.2.3.4") == "rdap.db.ripe.net")
        #expect(RDAPClient.authority(of: "http://127.0.0.2:8080/ip/1.2.3.4") == "127.0.0.2:8080")
    }

    @Test func configurationTrimsTheBaseAndBoundsItsLimits() {
        let configuration = RDAPClientConfiguration(
            baseURL: "https://rdap.org//",
            maximumResponseBytes: 1,
            maximumRedirects: 99
        )
        #expect(configuration.baseURL == "https://rdap.org")
        #expect(configuration.maximumResponseBytes == 1024)
        #expect(configuration.maximumRedirects == 10)
    }
}
