/// The embedded low-resolution world outline that ``WorldMap`` draws.
///
/// Provenance: Natural Earth 1:110m Cultural Vectors, "Admin 0 – Countries" (public domain,
/// <https://www.naturalearthdata.com/>), as shipped by the geopandas 0.14.4 wheel on PyPI
/// (`geopandas/datasets/naturalearth_lowres`), simplified by `Scripts/world-outline.py` (Douglas-Peucker
/// 0.2°, tenths of a degree, islands under 0.4 square degrees dropped) into ``encodedRings``: 271 rings,
/// 5,842 points. The text is decoded once, at first use.
struct WorldOutline: Sendable {
    /// One closed ring (the closing point is not repeated).
    struct Ring: Sendable {
        /// The longitudes, in tenths of a degree (-1800...1800).
        var longitudes: [Int32]
        /// The latitudes, in tenths of a degree (-900...900), aligned with ``longitudes``.
        var latitudes: [Int32]
        /// The smallest and largest longitude, in tenths of a degree.
        var longitudeRange: ClosedRange<Int32>
        /// The smallest and largest latitude, in tenths of a degree.
        var latitudeRange: ClosedRange<Int32>
    }

    /// The decoded rings of ``encodedRings``.
    static let rings: [Ring] = Self.decode(Self.encodedRings)

    /// Decodes the text of `Scripts/world-outline.py`: per ring, zigzag deltas (longitude, then latitude) in
    /// 5-bit groups plus 63, the sixth bit meaning "more groups"; `;` ends a ring; other bytes (newlines, the
    /// literal's indentation) are ignored. Malformed input never traps: a value with too many groups is dropped,
    /// coordinates are clamped, and rings with fewer than three points are left out.
    static func decode(_ text: String) -> [Ring] {
        var rings: [Ring] = []
        var values: [Int32] = []
        var accumulator: Int64 = 0
        var shift: Int64 = 0
        func finishRing() {
            var longitudes: [Int32] = []
            var latitudes: [Int32] = []
            var longitude: Int64 = 0
            var latitude: Int64 = 0
            var index = 0
            while index + 1 < values.count {
                longitude = min(max(longitude + Int64(values[index]), -1800), 1800)
                latitude = min(max(latitude + Int64(values[index + 1]), -900), 900)
                longitudes.append(Int32(longitude))
                latitudes.append(Int32(latitude))
                index += 2
            }
            values.removeAll(keepingCapacity: true)
            guard longitudes.count >= 3, let minLon = longitudes.min(), let maxLon = longitudes.max(),
                let minLat = latitudes.min(), let maxLat = latitudes.max()
            else {
                return
            }
            rings.append(
                Ring(
                    longitudes: longitudes,
                    latitudes: latitudes,
                    longitudeRange: minLon...maxLon,
                    latitudeRange: minLat...maxLat
                )
            )
        }
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                continue
            case UInt8(ascii: ";"):
                finishRing()
                accumulator = 0
                shift = 0
            case 63...126:
                let chunk = Int64(byte - 63)
                if shift <= 30 {
                    accumulator |= (chunk & 0x1F) << shift
                }
                shift += 5
                if chunk & 0x20 == 0 {
                    if shift <= 35 {
                        let value = accumulator & 1 != 0 ? ~(accumulator >> 1) : accumulator >> 1
                        values.append(Int32(min(max(value, -3600), 3600)))
                    }
                    accumulator = 0
                    shift = 0
                }
            default:
                continue
            }
        }
        finishRing()
        return rings
    }
}
