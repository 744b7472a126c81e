/// The CSS that styles the graphics: the charts carry classes, never colours.
///
/// Classes the graphics use: `wg-chart` (every root) plus `wg-timeseries`, `wg-barchart`, `wg-belief`,
/// `wg-ladder`, `wg-states`, `wg-map`; `wg-axis`, `wg-grid`, `wg-note`, `wg-label`, `wg-value`; `series-0`…`series-7`
/// for series and default bars; `state-normal`, `state-suspicious`, `state-crafted` for the inference states;
/// `wg-empty` for a row without information; `wg-header`, `wg-lifeline`, `wg-arrow`, `wg-line`, `wg-message`,
/// `wg-time`, `wg-arrowhead` for the ladder (`request`, `response`, `error` as arrow classes); `wg-state`,
/// `wg-initial`, `wg-unreachable`, `wg-start`, `wg-edge`, `wg-edge-label` for the state diagram; `wg-sea`, `land`,
/// `wg-point`, `wg-point-label`, `wg-route`, `wg-route-head`, `sip`, `ip`, `wg-legend-box` for the map.
public enum GraphicsStyle {
    /// A light palette for every class above: Normal green, Suspicious amber, Crafted red. The web interface
    /// serves it as a file or inlines it in a `<style>` element.
    public static let defaultStylesheet: String = """
        .wg-chart { background: #ffffff; font-family: system-ui, sans-serif; font-size: 12px; }
        .wg-chart text { fill: #1f2933; }
        .wg-chart a text { fill: #0b5cad; text-decoration: underline; cursor: pointer; }
        .wg-chart a:focus text, .wg-chart a:hover text { fill: #063f7a; }
        .wg-chart .wg-note { fill: #7b8794; font-style: italic; }
        .wg-chart .wg-axis { stroke: #52606d; stroke-width: 1; fill: none; }
        .wg-chart .wg-grid { stroke: #e4e7eb; stroke-width: 1; }
        .wg-chart .wg-rule { stroke: #9aa5b1; stroke-width: 1; }
        .wg-chart .wg-value, .wg-chart .wg-label { fill: #323f4b; }
        .wg-chart .wg-none { fill: none; }
        .series-0 { fill: #2f6fb0; }
        .series-1 { fill: #e07b22; }
        .series-2 { fill: #3a9a5b; }
        .series-3 { fill: #8e5cb5; }
        .series-4 { fill: #c8322d; }
        .series-5 { fill: #2a9d9f; }
        .series-6 { fill: #b5a22c; }
        .series-7 { fill: #7b8794; }
        .state-normal { fill: #2e9d57; }
        .state-suspicious { fill: #e0a100; }
        .state-crafted { fill: #c8322d; }
        .wg-chart .wg-empty { fill: #f0f2f4; stroke: #cbd2d9; stroke-dasharray: 3 3; }
        .wg-belief .wg-segment-label { fill: #ffffff; font-weight: 600; }
        .wg-belief .wg-belief-row .wg-label { font-weight: 700; }
        .wg-ladder .wg-header { fill: #eef2f7; stroke: #52606d; }
        .wg-ladder .wg-lifeline { stroke: #9aa5b1; stroke-dasharray: 4 3; }
        .wg-ladder .wg-line { stroke: #323f4b; stroke-width: 1.5; fill: none; }
        .wg-ladder .wg-time { fill: #616e7c; font-variant-numeric: tabular-nums; }
        .wg-ladder .request .wg-line { stroke: #2f6fb0; }
        .wg-ladder .response .wg-line { stroke: #3a9a5b; }
        .wg-ladder .error .wg-line { stroke: #c8322d; }
        .wg-chart .wg-arrowhead { fill: #323f4b; }
        .wg-states .wg-state rect { fill: #eef2f7; stroke: #323f4b; stroke-width: 1.5; }
        .wg-states .wg-initial rect { stroke-width: 2.5; }
        .wg-states .wg-unreachable rect { stroke-dasharray: 4 3; fill: #f7f7f7; }
        .wg-states .wg-start { fill: #323f4b; }
        .wg-states .wg-edge { stroke: #323f4b; stroke-width: 1.3; fill: none; }
        .wg-states .wg-edge-label { fill: #1f2933; paint-order: stroke; stroke: #ffffff; stroke-width: 3px; }
        .wg-map .wg-sea { fill: #eaf2fa; }
        .wg-map .land { fill: #dcd6c8; stroke: #ffffff; stroke-width: 0.5; }
        .wg-map .wg-point circle { fill: #1f2933; stroke: #ffffff; stroke-width: 1; }
        .wg-map .wg-point-label { font-size: 10px; paint-order: stroke; stroke: #ffffff; stroke-width: 2px; }
        .wg-map .wg-route { fill: none; stroke: #52606d; stroke-width: 2; stroke-linejoin: round; }
        .wg-map .wg-route-head { fill: #52606d; }
        .wg-map .wg-route.sip { stroke: #c8322d; }
        .wg-map .wg-route-head.sip { fill: #c8322d; }
        .wg-map .wg-route.ip { stroke: #2f6fb0; stroke-dasharray: 6 3; }
        .wg-map .wg-route-head.ip { fill: #2f6fb0; }
        .wg-map .wg-legend-box { fill: #ffffff; fill-opacity: 0.85; stroke: #cbd2d9; }
        """
}
