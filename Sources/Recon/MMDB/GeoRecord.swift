/// The fields Recon takes from a GeoLite2/GeoIP2-style record (Country, City and ASN layouts).
public struct GeoRecord: Hashable, Sendable {
    /// `country.iso_code`.
    public var countryCode: String?
    /// `country.names.en`.
    public var countryName: String?
    /// `city.names.en`.
    public var cityName: String?
    /// `location.latitude`.
    public var latitude: Double?
    /// `location.longitude`.
    public var longitude: Double?
    /// `autonomous_system_number`.
    public var asNumber: UInt32?
    /// `autonomous_system_organization`.
    public var asOrganization: String?
    /// The prefix length of the matched network.
    public var prefixLength: Int

    /// Creates a record.
    public init(
        countryCode: String? = nil,
        countryName: String? = nil,
        cityName: String? = nil,
        latitude: Double? = nil,
        longitude: Double? = nil,
        asNumber: UInt32? = nil,
        asOrganization: String? = nil,
        prefixLength: Int = 0
    ) {
        self.countryCode = countryCode
        self.countryName = countryName
        self.cityName = cityName
        self.latitude = latitude
        self.longitude = longitude
        self.asNumber = asNumber
        self.asOrganization = asOrganization
        self.prefixLength = prefixLength
    }

    /// Extracts the fields from a decoded record; absent or mistyped fields stay `nil`.
    public init(_ match: MMDBReader.Match) {
        let value = match.value
        self.countryCode = value[path: "country", "iso_code"]?.stringValue
        self.countryName = value[path: "country", "names", "en"]?.stringValue
        self.cityName = value[path: "city", "names", "en"]?.stringValue
        self.latitude = value[path: "location", "latitude"]?.doubleValue
        self.longitude = value[path: "location", "longitude"]?.doubleValue
        self.asNumber = value[path: "autonomous_system_number"]?.unsignedValue.flatMap { UInt32(exactly: $0) }
        self.asOrganization = value[path: "autonomous_system_organization"]?.stringValue
        self.prefixLength = match.prefixLength
    }
}
