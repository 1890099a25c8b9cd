import Foundation

/// Byte-wise UTF-8 order, the order of every sorted list of names in Upkeep's outputs (the same as
/// `a.utf8.lexicographicallyPrecedes(b.utf8)`, compared with `memcmp` instead of byte by byte: plans
/// sort tens of thousands of ids and findings).
enum UTF8Order {
    /// Negative when `a` comes first, zero when equal, positive when `b` comes first.
    static func compare(_ a: String, _ b: String) -> Int {
        // Read in place (no copy of either string: its reference count is shared between threads).
        let order = a.utf8.withContiguousStorageIfAvailable { left in
            b.utf8.withContiguousStorageIfAvailable { right -> Int in
                let common = min(left.count, right.count)
                if common > 0, let l = left.baseAddress, let r = right.baseAddress {
                    let order = memcmp(l, r, common)
                    if order != 0 { return Int(order) }
                }
                return left.count - right.count
            }
        }
        if let order = order.flatMap({ $0 }) { return order }
        if a.utf8.elementsEqual(b.utf8) { return 0 }
        return a.utf8.lexicographicallyPrecedes(b.utf8) ? -1 : 1
    }

    static func precedes(_ a: String, _ b: String) -> Bool {
        compare(a, b) < 0
    }
}
