/// Every bound on the work and the size of a graphic, in one place.
///
/// Inputs come from traffic an attacker shapes, so each chart draws at most so many items and says how many it
/// left out with a visible "… N more" note. Labels are cut to a length with an ellipsis. The limits are clamped
/// to sane ranges when used (a negative count is zero, a count above its ceiling is the ceiling), so no
/// configuration can make a chart unbounded either.
public struct GraphicsLimits: Sendable, Hashable {
    /// Bars of a ``BarChart`` and time buckets of a ``TimeSeriesChart`` (the most recent ones are kept).
    /// Default 200, ceiling 2,000.
    public var maximumBars: Int
    /// Series of a ``TimeSeriesChart`` (legend entries and segments per bar). Default 16, ceiling 64.
    public var maximumSeries: Int
    /// Participants (columns) of a ``LadderDiagram``. Default 64, ceiling 256.
    public var maximumParticipants: Int
    /// Arrows of a ``LadderDiagram``. Default 500, ceiling 5,000.
    public var maximumArrows: Int
    /// States of a ``StateDiagram``. Default 200, ceiling 1,000.
    public var maximumStates: Int
    /// Transitions of a ``StateDiagram`` (before transitions between the same two states are merged).
    /// Default 1,000, ceiling 10,000.
    public var maximumTransitions: Int
    /// Rows of ``BeliefBars`` (evidence rows, the belief row not counted). Default 64, ceiling 512.
    public var maximumBeliefRows: Int
    /// States of ``BeliefBars`` (segments per row). Default 16, ceiling 64.
    public var maximumBeliefStates: Int
    /// Points of a ``WorldMap``. Default 2,000, ceiling 20,000.
    public var maximumMapPoints: Int
    /// Routes of a ``WorldMap``. Default 16, ceiling 128.
    public var maximumRoutes: Int
    /// Points of one ``WorldMap`` route (hops). Default 64, ceiling 1,024.
    public var maximumRoutePoints: Int
    /// Characters of a label (with the ellipsis) anywhere; some slots cut shorter to fit. Default 64,
    /// ceiling 1,024.
    public var maximumLabelLength: Int
    /// UTF-8 bytes of a link; longer links are dropped. Default 512, ceiling 8,192.
    public var maximumLinkLength: Int

    /// The limits documented on each property.
    public static let `default` = GraphicsLimits()

    /// Limits with the defaults documented on each property.
    public init(
        maximumBars: Int = 200,
        maximumSeries: Int = 16,
        maximumParticipants: Int = 64,
        maximumArrows: Int = 500,
        maximumStates: Int = 200,
        maximumTransitions: Int = 1000,
        maximumBeliefRows: Int = 64,
        maximumBeliefStates: Int = 16,
        maximumMapPoints: Int = 2000,
        maximumRoutes: Int = 16,
        maximumRoutePoints: Int = 64,
        maximumLabelLength: Int = 64,
        maximumLinkLength: Int = 512
    ) {
        self.maximumBars = maximumBars
        self.maximumSeries = maximumSeries
        self.maximumParticipants = maximumParticipants
        self.maximumArrows = maximumArrows
        self.maximumStates = maximumStates
        self.maximumTransitions = maximumTransitions
        self.maximumBeliefRows = maximumBeliefRows
        self.maximumBeliefStates = maximumBeliefStates
        self.maximumMapPoints = maximumMapPoints
        self.maximumRoutes = maximumRoutes
        self.maximumRoutePoints = maximumRoutePoints
        self.maximumLabelLength = maximumLabelLength
        self.maximumLinkLength = maximumLinkLength
    }

    /// These limits clamped to their ranges (0 up to each documented ceiling; labels at least 1 character).
    public var clamped: GraphicsLimits {
        GraphicsLimits(
            maximumBars: Self.clamp(self.maximumBars, 2000),
            maximumSeries: Self.clamp(self.maximumSeries, 64),
            maximumParticipants: Self.clamp(self.maximumParticipants, 256),
            maximumArrows: Self.clamp(self.maximumArrows, 5000),
            maximumStates: Self.clamp(self.maximumStates, 1000),
            maximumTransitions: Self.clamp(self.maximumTransitions, 10_000),
            maximumBeliefRows: Self.clamp(self.maximumBeliefRows, 512),
            maximumBeliefStates: Self.clamp(self.maximumBeliefStates, 64),
            maximumMapPoints: Self.clamp(self.maximumMapPoints, 20_000),
            maximumRoutes: Self.clamp(self.maximumRoutes, 128),
            maximumRoutePoints: Self.clamp(self.maximumRoutePoints, 1024),
            maximumLabelLength: max(1, Self.clamp(self.maximumLabelLength, 1024)),
            maximumLinkLength: Self.clamp(self.maximumLinkLength, 8192)
        )
    }

    private static func clamp(_ value: Int, _ ceiling: Int) -> Int {
        min(max(value, 0), ceiling)
    }
}
