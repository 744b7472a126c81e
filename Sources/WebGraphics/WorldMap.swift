/// A world map with places and routes (the paper's Fig. 7: the SIP route against the IP route).
///
/// The embedded Natural Earth 1:110m outline (``WorldOutline``) is drawn in the equirectangular projection as one
/// `<path class="land">` over a `wg-sea` background; ``points`` are circles with a `<title>` and a small label;
/// ``routes`` are polylines with arrowheads at every hop, styled by their class (`sip`, `ip`), and named in a
/// legend. The view box is always `0 0 1000 500`; with ``fit`` the map zooms to the points and routes with a
/// margin (keeping the 2:1 aspect), otherwise it shows the whole world.
///
/// Invalid coordinates (NaN, infinite, |latitude| > 90, |longitude| > 180) are skipped and counted in a note.
/// Limits: ``GraphicsLimits/maximumMapPoints`` points, ``GraphicsLimits/maximumRoutes`` routes of
/// ``GraphicsLimits/maximumRoutePoints`` points each, with "… N more" notes.
public struct WorldMap: Sendable, Hashable {
    /// A position on the Earth, in degrees (WGS 84).
    public struct Coordinate: Sendable, Hashable {
        /// The latitude, -90...90, north positive.
        public var latitude: Double
        /// The longitude, -180...180, east positive.
        public var longitude: Double

        /// The position at `latitude`, `longitude`.
        public init(latitude: Double, longitude: Double) {
            self.latitude = latitude
            self.longitude = longitude
        }

        /// Whether both values are finite and in range.
        public var isValid: Bool {
            self.latitude.isFinite && self.longitude.isFinite && abs(self.latitude) <= 90
                && abs(self.longitude) <= 180
        }
    }

    /// A place.
    public struct Point: Sendable, Hashable {
        /// Where the place is.
        public var coordinate: Coordinate
        /// The text beside the circle and in its tooltip (a host, a city).
        public var label: String
        /// Extra CSS classes of the circle.
        public var cssClass: String?

        /// A place at `latitude`, `longitude` called `label`.
        public init(latitude: Double, longitude: Double, label: String, cssClass: String? = nil) {
            self.coordinate = Coordinate(latitude: latitude, longitude: longitude)
            self.label = label
            self.cssClass = cssClass
        }
    }

    /// A path through places, drawn with an arrowhead at every hop.
    public struct Route: Sendable, Hashable {
        /// The hops in order; invalid ones are skipped.
        public var points: [Coordinate]
        /// Extra CSS classes of the line and its arrowheads (`sip`, `ip`).
        public var cssClass: String?
        /// The route's name in the legend and its tooltip.
        public var label: String

        /// A route through `points` called `label`.
        public init(points: [Coordinate], cssClass: String? = nil, label: String) {
            self.points = points
            self.cssClass = cssClass
            self.label = label
        }
    }

    /// The width of the view box.
    public static let width: Double = 1000
    /// The height of the view box.
    public static let height: Double = 500

    /// The map's accessible name (`aria-label` and `<title>`).
    public var title: String
    /// The places.
    public var points: [Point]
    /// The routes.
    public var routes: [Route]
    /// Whether to zoom to the points and routes instead of showing the whole world.
    public var fit: Bool
    /// A prefix for the ids inside the SVG (the arrowhead markers), reduced to `[A-Za-z0-9_-]`.
    public var identifier: String
    /// The bounds on the work and the size.
    public var limits: GraphicsLimits

    /// A map of `points` and `routes`.
    public init(
        title: String,
        points: [Point] = [],
        routes: [Route] = [],
        fit: Bool = false,
        identifier: String = "wg-map",
        limits: GraphicsLimits = .default
    ) {
        self.title = title
        self.points = points
        self.routes = routes
        self.fit = fit
        self.identifier = identifier
        self.limits = limits
    }

    /// Where `coordinate` lands on the whole-world map (view box 1000 × 500, north up, 0° 0° at the centre),
    /// `nil` for an invalid coordinate.
    public static func project(_ coordinate: Coordinate) -> (x: Double, y: Double)? {
        Viewport.world.project(coordinate)
    }

    /// The map as an `<svg>` element with the view box `0 0 1000 500`.
    public func svg() -> String {
        let limits = self.limits.clamped
        let points = Array(self.points.prefix(limits.maximumMapPoints))
        let routes = Array(self.routes.prefix(limits.maximumRoutes)).map { route in
            Route(
                points: Array(route.points.prefix(limits.maximumRoutePoints)),
                cssClass: route.cssClass,
                label: route.label
            )
        }
        let viewport = self.fit ? Viewport.fitting(points.map(\.coordinate) + routes.flatMap(\.points)) : .world
        let prefix = Markup.identifier(self.identifier)
        var builder = SVGBuilder(
            width: Self.width,
            height: Self.height,
            title: self.title,
            cssClass: "wg-map",
            limits: limits
        )

        builder.open("defs", [:])
        for (index, route) in routes.enumerated() {
            builder.open(
                "marker",
                [
                    "id": prefix + "-route-\(index)", "viewBox": "0 0 10 10", "refX": "10", "refY": "5",
                    "markerWidth": "7", "markerHeight": "7", "orient": "auto",
                ]
            )
            builder.element("path", ["class": "wg-route-head " + Self.routeClass(route), "d": "M0 0L10 5L0 10z"])
            builder.close()
        }
        builder.close()

        builder.element(
            "rect",
            ["class": "wg-sea", "x": "0", "y": "0", "width": Self.width.svg, "height": Self.height.svg]
        )
        let land = viewport == .world ? Self.worldLandPath : Self.landPath(viewport)
        builder.element("path", ["class": "land", "d": land])

        var invalid = 0
        builder.open("g", ["class": "wg-routes"])
        for (index, route) in routes.enumerated() {
            var coordinates = ""
            for coordinate in route.points {
                guard let (x, y) = viewport.project(coordinate) else {
                    invalid += 1
                    continue
                }
                coordinates += (coordinates.isEmpty ? "" : " ") + x.svg + "," + y.svg
            }
            let marker = "url(#" + prefix + "-route-\(index))"
            builder.open(
                "polyline",
                [
                    "class": "wg-route " + Self.routeClass(route), "points": coordinates, "marker-mid": marker,
                    "marker-end": marker,
                ]
            )
            builder.element("title", [:], text: Markup.truncated(route.label, to: limits.maximumLabelLength))
            builder.close()
        }
        builder.close()

        builder.open("g", ["class": "wg-points"])
        for point in points {
            guard let (x, y) = viewport.project(point.coordinate) else {
                invalid += 1
                continue
            }
            let label = Markup.truncated(point.label, to: limits.maximumLabelLength)
            let position =
                DecimalFormat.string(point.coordinate.latitude, fractionDigits: 2) + ", "
                + DecimalFormat.string(point.coordinate.longitude, fractionDigits: 2)
            builder.open(
                "g",
                ["class": "wg-point" + (point.cssClass.flatMap { Markup.cssClass($0) }.map { " " + $0 } ?? "")]
            )
            builder.open("circle", ["cx": x.svg, "cy": y.svg, "r": "4"])
            builder.element("title", [:], text: label + " (" + position + ")")
            builder.close()
            builder.element(
                "text",
                ["class": "wg-point-label", "x": (x + 6).svg, "y": (y - 6).svg],
                text: Markup.truncated(point.label, to: min(24, limits.maximumLabelLength))
            )
            builder.close()
        }
        builder.close()

        self.drawLegend(&builder, routes: routes, limits: limits)
        var notes: [String] = []
        if self.points.count > points.count {
            notes.append("… \(self.points.count - points.count) more points")
        }
        if self.routes.count > routes.count {
            notes.append("… \(self.routes.count - routes.count) more routes")
        }
        let longRoutes = self.routes.prefix(limits.maximumRoutes).filter { $0.points.count > limits.maximumRoutePoints }
        if !longRoutes.isEmpty {
            notes.append("\(longRoutes.count) routes cut to \(limits.maximumRoutePoints) hops")
        }
        if invalid > 0 {
            notes.append("\(invalid) invalid coordinates not shown")
        }
        if !notes.isEmpty {
            builder.note(notes.joined(separator: "; "), x: Self.width - 8, y: Self.height - 8, anchor: "end")
        }
        return builder.finish()
    }

    private static func routeClass(_ route: Route) -> String {
        route.cssClass.flatMap { Markup.cssClass($0) } ?? "wg-route-default"
    }

    private func drawLegend(_ builder: inout SVGBuilder, routes: [Route], limits: GraphicsLimits) {
        guard !routes.isEmpty else {
            return
        }
        let shown = routes.prefix(8)
        let top = Self.height - 12 - Double(shown.count) * 18
        builder.open("g", ["class": "wg-legend"])
        builder.element(
            "rect",
            [
                "class": "wg-legend-box", "x": "6", "y": (top - 8).svg, "width": "220",
                "height": (Double(shown.count) * 18 + 8).svg, "rx": "4",
            ]
        )
        for (index, route) in shown.enumerated() {
            let y = top + Double(index) * 18 + 6
            builder.element(
                "line",
                ["class": "wg-route " + Self.routeClass(route), "x1": "14", "y1": y.svg, "x2": "44", "y2": y.svg]
            )
            builder.element(
                "text",
                ["x": "52", "y": (y + 4).svg],
                text: Markup.truncated(route.label, to: min(24, limits.maximumLabelLength))
            )
        }
        builder.close()
    }
}
