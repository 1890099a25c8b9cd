/// A platform release version such as `1.0.23.10605`: dot-separated integers compared as a tuple, with
/// missing fields counted as 0 (never compared as text: 1.0.9 < 1.0.24).
public struct PlatformVersion: Hashable, Comparable, Sendable, CustomStringConvertible {
    public private(set) var fields: [Int]

    public init?(parsing text: String) {
        guard let fields = DottedNumbers.parse(text.utf8, maximumDigits: 9), fields.count <= 8 else { return nil }
        self.fields = fields
    }

    public var description: String { fields.map(String.init).joined(separator: ".") }

    private var trimmed: ArraySlice<Int> {
        var end = fields.count
        while end > 0 && fields[end - 1] == 0 { end -= 1 }
        return fields[0..<end]
    }

    public static func == (lhs: PlatformVersion, rhs: PlatformVersion) -> Bool { lhs.trimmed == rhs.trimmed }
    public func hash(into hasher: inout Hasher) { hasher.combine(Array(trimmed)) }

    public static func < (lhs: PlatformVersion, rhs: PlatformVersion) -> Bool {
        for index in 0..<max(lhs.fields.count, rhs.fields.count) {
            let left = index < lhs.fields.count ? lhs.fields[index] : 0
            let right = index < rhs.fields.count ? rhs.fields[index] : 0
            if left != right { return left < right }
        }
        return false
    }
}
