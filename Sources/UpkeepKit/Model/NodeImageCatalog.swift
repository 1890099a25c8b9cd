/// One month's node images (`NodeImageCatalog`).
public struct NodeImageCatalog: Sendable {
    public var month: CalendarMonth
    public var images: [NodeImage]
    public var position: SourcePosition
}

public struct NodeImage: Sendable {
    /// An OS and major version, such as azurelinux-2 or windows-2022.
    public var family: String
    public var os: OperatingSystem
    public var version: NodeImageVersion
    public var released: CalendarDate
    /// The day the image was announced, when before `released` (known ahead; a plan may wait for it); nil: the day
    /// it came out.
    public var announced: CalendarDate? = nil
    /// The day the catalog entry exists from (planning.md 2, "Facts as of the day").
    public var published: CalendarDate { announced ?? released }
    public var familyEndOfLife: CalendarDate?
    /// Kubelet versions it carries; empty means any.
    public var kubernetesVersions: [KubernetesVersion]
    /// Component name and version, sorted by name.
    public var components: [(name: String, version: String)]
    public var fixes: [String]
    public var position: SourcePosition
}
