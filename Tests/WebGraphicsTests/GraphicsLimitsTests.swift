import Testing

@testable import WebGraphics

@Suite struct GraphicsLimitsTests {
    @Test func defaults() {
        let limits = GraphicsLimits.default
        #expect(limits.maximumBars == 200)
        #expect(limits.maximumParticipants == 64)
        #expect(limits.maximumArrows == 500)
        #expect(limits.maximumStates == 200)
        #expect(limits.maximumMapPoints == 2000)
        #expect(limits.clamped == limits)
    }

    @Test func clampingBoundsEveryLimit() {
        let huge = GraphicsLimits(
            maximumBars: .max,
            maximumSeries: .max,
            maximumParticipants: .max,
            maximumArrows: .max,
            maximumStates: .max,
            maximumTransitions: .max,
            maximumBeliefRows: .max,
            maximumBeliefStates: .max,
            maximumMapPoints: .max,
            maximumRoutes: .max,
            maximumRoutePoints: .max,
            maximumLabelLength: .max,
            maximumLinkLength: .max
        ).clamped
        #expect(huge.maximumBars == 2000 && huge.maximumArrows == 5000 && huge.maximumMapPoints == 20_000)
        #expect(huge.maximumLabelLength == 1024 && huge.maximumLinkLength == 8192)
        let negative = GraphicsLimits(maximumBars: -1, maximumLabelLength: -1, maximumLinkLength: .min).clamped
        #expect(negative.maximumBars == 0 && negative.maximumLabelLength == 1 && negative.maximumLinkLength == 0)
    }

    @Test func stylesheetStylesTheStatesAndRoutes() {
        for selector in [
            ".state-normal", ".state-suspicious", ".state-crafted", ".land", ".wg-route.sip", ".wg-route.ip",
            ".series-7",
        ] {
            #expect(GraphicsStyle.defaultStylesheet.contains(selector + " {"))
        }
        #expect(!GraphicsStyle.defaultStylesheet.contains("<"))
    }
}
