#!/usr/bin/env python3
"""Generate Sources/WebGraphics/WorldOutline+Data.swift, the low-resolution world outline of WorldMap.

Provenance and licence
----------------------
The coastlines and country borders are Natural Earth's 1:110m Cultural Vectors, "Admin 0 - Countries"
(https://www.naturalearthdata.com/), which are in the PUBLIC DOMAIN ("No permission is needed to use
Natural Earth. Crediting the authors is unnecessary."; Natural Earth terms of use). We read the copy that
the geopandas 0.14.4 wheel ships as geopandas/datasets/naturalearth_lowres/naturalearth_lowres.shp
(geopandas is BSD-3-Clause; the dataset itself is Natural Earth's public-domain data, fetched from PyPI,
the only registry reachable here):

    pip download --no-deps geopandas==0.14.4 -d /tmp/gp
    python3 Scripts/world-outline.py /tmp/gp/geopandas-0.14.4-py3-none-any.whl \
        > Sources/WebGraphics/WorldOutline+Data.swift

Checksums of the inputs used for the committed data:
    geopandas-0.14.4-py3-none-any.whl   3bb6473cb59d51e1a7fe2dbc24a1a063fb0ebdeddf3ce08ddbf8c7ddc99689aa
    naturalearth_lowres.shp             1f689e60b357e1e98702d5d9f774e95e77fc6b324487cadf57eb9317d533ce12

The argument may also be the .shp file itself. Only the Python standard library is used.

Processing
----------
1. Read every polygon ring of the shapefile (shape type 5; WGS 84 longitude/latitude in degrees).
2. Simplify each ring with Douglas-Peucker (TOLERANCE degrees), quantise to tenths of a degree, drop
   consecutive duplicates and the closing point, and drop rings with fewer than 3 points or an area below
   MINIMUM_AREA square degrees (tiny islands).
3. Encode each ring like Google's polyline algorithm: the first point absolute, then deltas, each value
   (longitude then latitude, in tenths of a degree) zigzag-encoded in 5-bit groups, each group + 63 as an
   ASCII character (63...126, so no quote, no '#', no newline). Rings are separated by ';'. The text is
   wrapped at 100 columns and indented as `swift format` leaves it (Swift strips the indentation of a
   multi-line literal); the Swift decoder ignores newlines and spaces.
The output is deterministic: the same input gives the same bytes.
"""

import hashlib
import io
import struct
import sys
import zipfile

TOLERANCE = 0.2
MINIMUM_AREA = 0.4
SHAPEFILE_IN_WHEEL = "geopandas/datasets/naturalearth_lowres/naturalearth_lowres.shp"
LINE_WIDTH = 100


def read_input(path):
    if path.endswith(".whl"):
        with zipfile.ZipFile(path) as wheel:
            return wheel.read(SHAPEFILE_IN_WHEEL)
    with open(path, "rb") as handle:
        return handle.read()


def read_rings(data):
    """Every ring of every polygon record, as lists of (lon, lat) floats."""
    code, = struct.unpack(">i", data[0:4])
    if code != 9994:
        raise SystemExit("not a shapefile")
    stream = io.BytesIO(data[100:])
    rings = []
    while True:
        header = stream.read(8)
        if len(header) < 8:
            break
        _, length_words = struct.unpack(">ii", header)
        content = stream.read(length_words * 2)
        shape_type, = struct.unpack("<i", content[0:4])
        if shape_type == 0:
            continue
        if shape_type not in (5, 15, 25):
            raise SystemExit("unexpected shape type %d" % shape_type)
        part_count, point_count = struct.unpack("<ii", content[36:44])
        parts = list(struct.unpack("<%di" % part_count, content[44:44 + 4 * part_count]))
        offset = 44 + 4 * part_count
        points = [struct.unpack("<dd", content[offset + 16 * i:offset + 16 * i + 16]) for i in range(point_count)]
        parts.append(point_count)
        for start, end in zip(parts, parts[1:]):
            rings.append(points[start:end])
    return rings


def distance_to_segment(point, start, end):
    (px, py), (ax, ay), (bx, by) = point, start, end
    dx, dy = bx - ax, by - ay
    if dx == 0 and dy == 0:
        return ((px - ax) ** 2 + (py - ay) ** 2) ** 0.5
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    qx, qy = ax + t * dx, ay + t * dy
    return ((px - qx) ** 2 + (py - qy) ** 2) ** 0.5


def douglas_peucker(points, tolerance):
    if len(points) < 3:
        return list(points)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        best, index = 0.0, None
        for i in range(first + 1, last):
            d = distance_to_segment(points[i], points[first], points[last])
            if d > best:
                best, index = d, i
        if index is not None and best > tolerance:
            keep[index] = True
            stack.append((first, index))
            stack.append((index, last))
    return [p for p, k in zip(points, keep) if k]


def simplify_ring(ring):
    if ring and ring[0] == ring[-1]:
        ring = ring[:-1]
    if len(ring) < 3:
        return []
    # Split the closed ring at the point farthest from the first one, simplify both halves.
    far = max(range(len(ring)), key=lambda i: (ring[i][0] - ring[0][0]) ** 2 + (ring[i][1] - ring[0][1]) ** 2)
    first = douglas_peucker(ring[:far + 1], TOLERANCE)
    second = douglas_peucker(ring[far:] + [ring[0]], TOLERANCE)
    simplified = first[:-1] + second[:-1]
    quantised = []
    for lon, lat in simplified:
        point = (int(round(lon * 10)), int(round(lat * 10)))
        if not quantised or quantised[-1] != point:
            quantised.append(point)
    while len(quantised) > 1 and quantised[0] == quantised[-1]:
        quantised.pop()
    if len(quantised) < 3:
        return []
    area = 0
    for (x1, y1), (x2, y2) in zip(quantised, quantised[1:] + quantised[:1]):
        area += x1 * y2 - x2 * y1
    if abs(area) / 2 / 100 < MINIMUM_AREA:
        return []
    return quantised


def encode_value(value):
    value = (value << 1) if value >= 0 else (~(value << 1))
    out = []
    while value >= 0x20:
        out.append(chr((0x20 | (value & 0x1F)) + 63))
        value >>= 5
    out.append(chr(value + 63))
    return "".join(out)


def encode_ring(ring):
    out = []
    previous = (0, 0)
    for point in ring:
        out.append(encode_value(point[0] - previous[0]))
        out.append(encode_value(point[1] - previous[1]))
        previous = point
    return "".join(out)


def main():
    if len(sys.argv) != 2:
        raise SystemExit("usage: world-outline.py geopandas-0.14.4-py3-none-any.whl|naturalearth_lowres.shp")
    data = read_input(sys.argv[1])
    digest = hashlib.sha256(data).hexdigest()
    rings = [r for r in (simplify_ring(ring) for ring in read_rings(data)) if r]
    text = ";".join(encode_ring(ring) for ring in rings)
    lines = [text[i:i + LINE_WIDTH] for i in range(0, len(text), LINE_WIDTH)]
    point_count = sum(len(r) for r in rings)
    print("// Generated by Scripts/world-outline.py: do not edit.")
    print("// Natural Earth 1:110m Admin 0 - Countries (public domain, https://www.naturalearthdata.com/),")
    print("// from geopandas 0.14.4 naturalearth_lowres.shp (sha256 %s)," % digest[:16])
    print("// Douglas-Peucker %.2f degrees, tenths of a degree, %d rings, %d points." % (
        TOLERANCE, len(rings), point_count))
    print("")
    print("extension WorldOutline {")
    print("    /// The encoded rings (see `Scripts/world-outline.py`): per ring, zigzag deltas of longitude and")
    print("    /// latitude in tenths of a degree, 5-bit groups + 63 as ASCII; rings separated by `;`; newlines")
    print("    /// are ignored. Natural Earth 1:110m Admin 0 - Countries, public domain.")
    print("    static let encodedRings: String = #\"\"\"")
    for line in lines:
        print("        " + line)
    print("        \"\"\"#")
    print("}")


if __name__ == "__main__":
    main()
