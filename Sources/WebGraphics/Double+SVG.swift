extension Double {
    /// This value as an SVG number: two decimals at most, no exponent, no `-0` (``DecimalFormat``).
    var svg: String {
        DecimalFormat.string(self, fractionDigits: 2)
    }
}
