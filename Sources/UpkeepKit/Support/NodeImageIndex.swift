/// Every catalogued node image by family, newest last, with each family's end of life.
public struct NodeImageIndex: Sendable {
    public private(set) var imagesByFamily: [String: [NodeImage]] = [:]

    public init(_ catalogs: [NodeImageCatalog]) {
        for image in catalogs.flatMap(\.images) {
            imagesByFamily[image.family, default: []].append(image)
        }
        for family in imagesByFamily.keys {
            imagesByFamily[family]?.sort { ($0.version, $0.released) < ($1.version, $1.released) }
        }
    }

    public func images(of family: String) -> [NodeImage] {
        imagesByFamily[family] ?? []
    }

    public func image(family: String, version: NodeImageVersion) -> NodeImage? {
        images(of: family).first { $0.version == version }
    }

    /// The earliest end of life any catalog gives the family.
    public func familyEndOfLife(_ family: String) -> CalendarDate? {
        images(of: family).compactMap(\.familyEndOfLife).min()
    }

    /// The image's release day: from a catalog, else read from the version itself (Linux `YYYYMM.DD.N`,
    /// Windows `build.UBR.YYMMDD`); `derived` says which.
    public func releaseDate(family: String, version: NodeImageVersion) -> (date: CalendarDate, derived: Bool)? {
        let list = images(of: family)
        if let index = list.firstIndex(where: { $0.version == version }) { return (list[index].released, false) }
        let fields = version.fields
        if fields.count == 3, (190_001...999_912).contains(fields[0]),
           let date = CalendarDate(year: fields[0] / 100, month: fields[0] % 100, day: fields[1]) {
            return (date, true)
        }
        if fields.count == 3, (100_101...991_231).contains(fields[2]),
           let date = CalendarDate(year: 2000 + fields[2] / 10_000, month: fields[2] / 100 % 100, day: fields[2] % 100) {
            return (date, true)
        }
        return nil
    }
}
