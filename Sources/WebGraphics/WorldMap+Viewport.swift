extension WorldMap {
    /// The part of the world the view box shows: a longitude × latitude rectangle with a 2:1 aspect.
    struct Viewport: Sendable, Hashable {
        /// The western edge, in degrees.
        var west: Double
        /// The eastern edge, in degrees.
        var east: Double
        /// The southern edge, in degrees.
        var south: Double
        /// The northern edge, in degrees.
        var north: Double

        /// The whole world.
        static let world = Viewport(west: -180, east: 180, south: -90, north: 90)
        /// The narrowest longitude span a fitted map shows, in degrees.
        static let minimumSpan: Double = 30

        /// The viewport that holds the valid `coordinates` with a margin (15 % of their span plus 4°), widened
        /// to at least ``minimumSpan`` degrees and to a 2:1 aspect, and moved inside the world; the whole world
        /// when there is no valid coordinate or the box would not fit.
        static func fitting(_ coordinates: [Coordinate]) -> Viewport {
            var west = Double.infinity
            var east = -Double.infinity
            var south = Double.infinity
            var north = -Double.infinity
            for coordinate in coordinates where coordinate.isValid {
                west = min(west, coordinate.longitude)
                east = max(east, coordinate.longitude)
                south = min(south, coordinate.latitude)
                north = max(north, coordinate.latitude)
            }
            guard west <= east, south <= north else {
                return .world
            }
            let longitudeMargin = (east - west) * 0.15 + 4
            let latitudeMargin = (north - south) * 0.15 + 4
            var longitudeSpan = max(east - west + 2 * longitudeMargin, Self.minimumSpan)
            var latitudeSpan = north - south + 2 * latitudeMargin
            // A 2:1 aspect, like the view box.
            if longitudeSpan < 2 * latitudeSpan {
                longitudeSpan = 2 * latitudeSpan
            } else {
                latitudeSpan = longitudeSpan / 2
            }
            guard longitudeSpan < 360, latitudeSpan < 180 else {
                return .world
            }
            let centreLongitude = (west + east) / 2
            let centreLatitude = (south + north) / 2
            var viewport = Viewport(
                west: centreLongitude - longitudeSpan / 2,
                east: centreLongitude + longitudeSpan / 2,
                south: centreLatitude - latitudeSpan / 2,
                north: centreLatitude + latitudeSpan / 2
            )
            if viewport.west < -180 {
                viewport.east += -180 - viewport.west
                viewport.west = -180
            } else if viewport.east > 180 {
                viewport.west -= viewport.east - 180
                viewport.east = 180
            }
            if viewport.south < -90 {
                viewport.north += -90 - viewport.south
                viewport.south = -90
            } else if viewport.north > 90 {
                viewport.south -= viewport.north - 90
                viewport.north = 90
            }
            return viewport
        }

        /// Where `coordinate` lands in the view box, `nil` when it is invalid.
        func project(_ coordinate: Coordinate) -> (x: Double, y: Double)? {
            guard coordinate.isValid else {
                return nil
            }
            return (
                (coordinate.longitude - self.west) / (self.east - self.west) * WorldMap.width,
                (self.north - coordinate.latitude) / (self.north - self.south) * WorldMap.height
            )
        }
    }

    /// The land path of the whole world, built once.
    static let worldLandPath: String = Self.landPath(.world)

    /// The `d` attribute of the land rings that meet `viewport`: absolute first points, then relative moves in
    /// tenths of a pixel (rounded once per point, so no error adds up).
    static func landPath(_ viewport: Viewport) -> String {
        var path = ""
        path.reserveCapacity(48 * 1024)
        let scaleX = WorldMap.width / (viewport.east - viewport.west) / 10
        let scaleY = WorldMap.height / (viewport.north - viewport.south) / 10
        // Tenths of a pixel.
        func x(_ longitude: Int32) -> Int {
            Int(((Double(longitude) - viewport.west * 10) * scaleX * 10).rounded())
        }
        func y(_ latitude: Int32) -> Int {
            Int(((viewport.north * 10 - Double(latitude)) * scaleY * 10).rounded())
        }
        func tenths(_ value: Int) -> String {
            DecimalFormat.string(Double(value) / 10, fractionDigits: 1)
        }
        for ring in WorldOutline.rings {
            let west = Double(ring.longitudeRange.lowerBound) / 10
            let east = Double(ring.longitudeRange.upperBound) / 10
            let south = Double(ring.latitudeRange.lowerBound) / 10
            let north = Double(ring.latitudeRange.upperBound) / 10
            guard east >= viewport.west, west <= viewport.east, north >= viewport.south, south <= viewport.north else {
                continue
            }
            var previousX = x(ring.longitudes[0])
            var previousY = y(ring.latitudes[0])
            path += "M" + tenths(previousX) + " " + tenths(previousY) + "l"
            for index in 1..<ring.longitudes.count {
                let nextX = x(ring.longitudes[index])
                let nextY = y(ring.latitudes[index])
                let dx = nextX - previousX
                let dy = nextY - previousY
                path += (index == 1 || dx < 0 ? "" : " ") + tenths(dx) + (dy < 0 ? "" : " ") + tenths(dy)
                previousX = nextX
                previousY = nextY
            }
            path += "z"
        }
        return path
    }
}
