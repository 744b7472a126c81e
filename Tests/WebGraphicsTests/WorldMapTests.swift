import Testing

@testable import WebGraphics

@Suite struct WorldMapTests {
    static let paris = WorldMap.Coordinate(latitude: 48.8566, longitude: 2.3522)
    static let frankfurt = WorldMap.Coordinate(latitude: 50.1109, longitude: 8.6821)
    static let amsterdam = WorldMap.Coordinate(latitude: 52.3676, longitude: 4.9041)
    static let sydney = WorldMap.Coordinate(latitude: -33.8688, longitude: 151.2093)

    @Test func equirectangularProjection() throws {
        let centre = try #require(WorldMap.project(.init(latitude: 0, longitude: 0)))
        #expect(centre.x == 500 && centre.y == 250)
        let northWest = try #require(WorldMap.project(.init(latitude: 90, longitude: -180)))
        #expect(northWest.x == 0 && northWest.y == 0)
        let southEast = try #require(WorldMap.project(.init(latitude: -90, longitude: 180)))
        #expect(southEast.x == 1000 && southEast.y == 500)
        let paris = try #require(WorldMap.project(Self.paris))
        #expect(abs(paris.x - 506.53) < 0.01 && abs(paris.y - 114.29) < 0.01)
        let sydney = try #require(WorldMap.project(Self.sydney))
        #expect(abs(sydney.x - 920.03) < 0.01 && abs(sydney.y - 344.08) < 0.01)
    }

    @Test(arguments: [
        (Double.nan, 0.0), (0, .nan), (.infinity, 0), (0, -.infinity), (90.01, 0), (-91, 0), (0, 180.5), (0, -200),
    ])
    func invalidCoordinatesDoNotProject(_ latitude: Double, _ longitude: Double) {
        #expect(WorldMap.project(.init(latitude: latitude, longitude: longitude)) == nil)
    }

    @Test func outlineHasLandWhereLandIs() {
        #expect(WorldOutline.rings.count == 271)
        #expect(WorldOutline.rings.reduce(0) { $0 + $1.longitudes.count } == 5842)
        // Cities on land, points at sea.
        for city in [
            Self.paris, Self.sydney, .init(latitude: 39.74, longitude: -104.99),
            .init(latitude: -23.55, longitude: -46.63),
            .init(latitude: 35.68, longitude: 139.69), .init(latitude: -1.29, longitude: 36.82),
            .init(latitude: 55.75, longitude: 37.62),
        ] {
            #expect(Self.onLand(city), "\(city) should be on land")
        }
        for sea in [
            WorldMap.Coordinate(latitude: 0, longitude: 0), .init(latitude: 30, longitude: -40),
            .init(latitude: -40, longitude: 90),
            .init(latitude: 0, longitude: -150), .init(latitude: 36, longitude: 18),
        ] {
            #expect(!Self.onLand(sea), "\(sea) should be at sea")
        }
    }

    @Test func decoderSurvivesGarbage() {
        #expect(WorldOutline.decode("").isEmpty)
        #expect(WorldOutline.decode(";;;\n;").isEmpty)
        #expect(WorldOutline.decode(String(repeating: "~", count: 1000)).isEmpty)
        let rings = WorldOutline.decode("\u{0}\"#?A?A" + String(repeating: "~", count: 40) + "?_@?_@?;abc")
        for ring in rings {
            #expect(ring.longitudes.allSatisfy { abs($0) <= 1800 } && ring.latitudes.allSatisfy { abs($0) <= 900 })
        }
        // A triangle: (1, 1), (2, 1), (2, 2) in tenths of a degree.
        #expect(WorldOutline.decode("AA??A;").isEmpty)
        let triangle = WorldOutline.decode("AAA?\n?A;")
        #expect(triangle.first?.longitudes == [1, 2, 2] && triangle.first?.latitudes == [1, 1, 2])
    }

    @Test func wholeWorldMap() throws {
        let map = WorldMap(
            title: "SIP route vs IP route",
            points: [.init(latitude: 48.8566, longitude: 2.3522, label: "Paris", cssClass: "honeypot")],
            routes: [
                .init(points: [Self.sydney, Self.frankfurt, Self.paris], cssClass: "sip", label: "SIP route"),
                .init(points: [Self.sydney, Self.amsterdam, Self.paris], cssClass: "ip", label: "IP route"),
            ]
        )
        let svg = map.svg()
        let document = expectWellFormedAndInert(svg)
        #expect(svg == map.svg())
        #expect(document.elements.first?.attributes["viewBox"] == "0 0 1000 500")
        let land = try #require(document.elements(named: "path").first { $0.attributes["class"] == "land" })
        let d = try #require(land.attributes["d"])
        #expect(d.filter { $0 == "M" }.count == 271)
        #expect(d.utf8.count < 80_000)
        let routes = document.elements(named: "polyline")
        #expect(routes.map { $0.attributes["class"] } == ["wg-route sip", "wg-route ip"])
        #expect(routes.first?.attributes["points"] == "920.03,344.08 524.12,110.8 506.53,114.29")
        let markers = Set(document.elements(named: "marker").compactMap { $0.attributes["id"] })
        #expect(markers == ["wg-map-route-0", "wg-map-route-1"])
        for route in routes {
            let reference = try #require(route.attributes["marker-end"])
            #expect(markers.contains(String(reference.dropFirst(5).dropLast())))
        }
        let circle = try #require(document.elements(named: "circle").first)
        #expect(circle.attributes["cx"] == "506.53" && circle.attributes["cy"] == "114.29")
        #expect(document.elements(named: "title").map(\.text).contains("Paris (48.86, 2.35)"))
        #expect(document.allText.contains("SIP route") && document.allText.contains("IP route"))
    }

    @Test func fitZoomsToThePointsWithAMargin() throws {
        let points = [
            WorldMap.Point(latitude: Self.paris.latitude, longitude: Self.paris.longitude, label: "Paris"),
            WorldMap.Point(latitude: Self.amsterdam.latitude, longitude: Self.amsterdam.longitude, label: "Amsterdam"),
        ]
        let viewport = WorldMap.Viewport.fitting(points.map(\.coordinate))
        #expect(viewport.east - viewport.west == 2 * (viewport.north - viewport.south))
        #expect(viewport.east - viewport.west >= WorldMap.Viewport.minimumSpan && viewport.east - viewport.west < 60)
        let document = expectWellFormedAndInert(WorldMap(title: "t", points: points, fit: true).svg())
        #expect(document.elements.first?.attributes["viewBox"] == "0 0 1000 500")
        for circle in document.elements(named: "circle") {
            let x = try #require(circle.attributes["cx"].flatMap(Double.init))
            let y = try #require(circle.attributes["cy"].flatMap(Double.init))
            #expect(x > 100 && x < 900 && y > 50 && y < 450)
        }
        let land = try #require(
            document.elements(named: "path").first { $0.attributes["class"] == "land" }?.attributes["d"]
        )
        // Only the rings near western Europe are drawn.
        #expect(land.filter { $0 == "M" }.count < 60)
        // Points at the edge of the world keep the viewport inside it.
        let edge = WorldMap.Viewport.fitting([.init(latitude: 89, longitude: 179), .init(latitude: 80, longitude: 170)])
        #expect(edge.east == 180 && edge.north == 90 && edge.west >= -180 && edge.south >= -90)
        #expect(
            WorldMap.Viewport.fitting([.init(latitude: -80, longitude: -179), .init(latitude: 80, longitude: 179)])
                == .world
        )
        #expect(WorldMap.Viewport.fitting([.init(latitude: .nan, longitude: 0)]) == .world)
    }

    @Test func invalidCoordinatesAreSkippedAndCounted() {
        let map = WorldMap(
            title: "t",
            points: [
                .init(latitude: .nan, longitude: 0, label: "a"), .init(latitude: 91, longitude: 0, label: "b"),
                .init(latitude: 0, longitude: .infinity, label: "c"), .init(latitude: 10, longitude: 10, label: "ok"),
            ],
            routes: [
                .init(points: [.init(latitude: -.infinity, longitude: 0), Self.paris], cssClass: "sip", label: "r")
            ],
            fit: true
        )
        let document = expectWellFormedAndInert(map.svg())
        #expect(document.elements(named: "circle").count == 1)
        #expect(document.allText.contains("4 invalid coordinates not shown"))
    }

    @Test func limitsPointsAndRoutes() {
        let points = (0..<2100).map {
            WorldMap.Point(latitude: Double($0 % 170) - 85, longitude: Double($0 % 360) - 180, label: "p\($0)")
        }
        let hops = (0..<100).map { WorldMap.Coordinate(latitude: 0, longitude: Double($0)) }
        let routes = (0..<20).map { WorldMap.Route(points: hops, cssClass: "ip", label: "r\($0)") }
        let document = expectWellFormedAndInert(WorldMap(title: "t", points: points, routes: routes).svg())
        #expect(document.elements(named: "circle").count == 2000)
        #expect(document.elements(named: "polyline").count == 16)
        #expect(document.elements(named: "polyline").first?.attributes["points"]?.split(separator: " ").count == 64)
        #expect(document.allText.contains("… 100 more points"))
        #expect(document.allText.contains("… 4 more routes"))
        #expect(document.allText.contains("16 routes cut to 64 hops"))
    }

    @Test func hostileTextInEverySlot() {
        for hostile in Hostile.all + [Hostile.huge, Hostile.zalgo] {
            let map = WorldMap(
                title: hostile,
                points: [.init(latitude: 1, longitude: 2, label: hostile, cssClass: hostile)],
                routes: [.init(points: [Self.paris, Self.sydney], cssClass: hostile, label: hostile)],
                identifier: hostile
            )
            expectWellFormedAndInert(map.svg())
        }
        expectWellFormedAndInert(WorldMap(title: "", fit: true).svg())
    }

    /// Whether `coordinate` is inside an odd number of outline rings (even-odd rule).
    static func onLand(_ coordinate: WorldMap.Coordinate) -> Bool {
        let x = coordinate.longitude * 10
        let y = coordinate.latitude * 10
        var inside = false
        for ring in WorldOutline.rings {
            var previous = ring.longitudes.count - 1
            for index in ring.longitudes.indices {
                let (xi, yi) = (Double(ring.longitudes[index]), Double(ring.latitudes[index]))
                let (xj, yj) = (Double(ring.longitudes[previous]), Double(ring.latitudes[previous]))
                if (yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi {
                    inside.toggle()
                }
                previous = index
            }
        }
        return inside
    }
}
