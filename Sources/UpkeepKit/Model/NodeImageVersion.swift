/// A node image version within one family: Linux `YYYYMM.DD.N`, Windows `build.UBR.YYMMDD`. Compared as
/// a tuple of integers; versions of different families are never compared.
public struct NodeImageVersion: Hashable, Comparable, Sendable, CustomStringConvertible {
    public private(set) var fields: [Int]
    public let text: String

    /// Two to six dot-separated integers.
    public init?(parsing text: String) {
        guard let fields = DottedNumbers.parse(text.utf8), (2...6).contains(fields.count) else { return nil }
        self.fields = fields
        self.text = text
    }

    public var description: String { text }

    public static func == (lhs: NodeImageVersion, rhs: NodeImageVersion) -> Bool { lhs.fields == rhs.fields }
    public func hash(into hasher: inout Hasher) { hasher.combine(fields) }
    public static func < (lhs: NodeImageVersion, rhs: NodeImageVersion) -> Bool {
        lhs.fields.lexicographicallyPrecedes(rhs.fields)
    }
}
