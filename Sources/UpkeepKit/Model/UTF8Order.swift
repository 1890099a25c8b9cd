import Foundation

/// Byte-wise UTF-8 order, the order of every sorted list of names in Upkeep's outputs (the same as
/// `a.utf8.lexicographicallyPrecedes(b.utf8)`, compared with `memcmp` instead of byte by byte: plans
/// sort tens of thousands of ids and findings).
enum UTF8Order {
    /// Negative when `a` comes first, zero when equal, positive when `b` comes first.
    static func compare(_ a: String, _ b: String) -> Int {
        var a = a, b = b
        return a.withUTF8 { left in
            b.withUTF8 { right in
                let common = min(left.count, right.count)
                if common > 0, let l = left.baseAddress, let r = right.baseAddress {
                    let order = memcmp(l, r, common)
                    if order != 0 { return Int(order) }
                }
                return left.count - right.count
            }
        }
    }

    static func precedes(_ a: String, _ b: String) -> Bool {
        compare(a, b) < 0
    }
}
