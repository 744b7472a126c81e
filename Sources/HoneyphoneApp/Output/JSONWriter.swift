package import Reporting

/// The streaming JSON writer of the reports: Reporting's `JSONText` (a fixed key order, every string escaped per
/// RFC 8259 §7 plus `<`, `>`, `&`, DEL, U+2028 and U+2029 as `\u` escapes, so attacker text stays inert if a
/// report is embedded in HTML or JavaScript).
package typealias JSONWriter = JSONText
