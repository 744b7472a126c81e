/// Keeps `value` alive and its computation in place, even in release builds, so that every accessor a fuzz
/// target reads is really decoded.
@_optimize(none)
@inline(never)
public func blackHole<T>(_ value: T) {}
