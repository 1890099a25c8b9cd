/// One published file `upkeep feeds pull` reads: where it is published, and its name inside a bundle (and
/// under `--from URL`, its path below that URL).
public struct FeedSource: Sendable, Equatable {
    public enum Group: String, Sendable, CaseIterable {
        case kubernetes, advisories, aksArc = "aks-arc"
    }

    public var group: Group
    /// `kubernetes/eol.yaml`: the path in a bundle and below `--from URL`.
    public var name: String
    public var url: String
    /// A POST body (the OSV API's query); nil for a GET.
    public var body: String?

    public static let all: [FeedSource] = [
        FeedSource(group: .kubernetes, name: "kubernetes/schedule.yaml",
                   url: "https://raw.githubusercontent.com/kubernetes/website/main/data/releases/schedule.yaml"),
        FeedSource(group: .kubernetes, name: "kubernetes/eol.yaml",
                   url: "https://raw.githubusercontent.com/kubernetes/website/main/data/releases/eol.yaml"),
        FeedSource(group: .kubernetes, name: "kubernetes/kubernetes.json",
                   url: "https://raw.githubusercontent.com/endoflife-date/release-data/main/releases/kubernetes.json"),
        FeedSource(group: .kubernetes, name: "kubernetes/endoflife-kubernetes.md",
                   url: "https://raw.githubusercontent.com/endoflife-date/endoflife.date/master/products/kubernetes.md"),
        FeedSource(group: .aksArc, name: "aks-arc/supported-kubernetes-versions.md",
                   url: "https://raw.githubusercontent.com/MicrosoftDocs/azure-stack-docs/main/AKS-Arc/supported-kubernetes-versions.md"),
        FeedSource(group: .aksArc, name: "aks-arc/release-information-23h2.md",
                   url: "https://raw.githubusercontent.com/MicrosoftDocs/azure-stack-docs/main/azure-local/release-information-23h2.md"),
        FeedSource(group: .aksArc, name: "aks-arc/aks-whats-new-local.md",
                   url: "https://raw.githubusercontent.com/MicrosoftDocs/azure-stack-docs/main/AKS-Arc/aks-whats-new-local.md"),
        FeedSource(group: .advisories, name: "advisories/osv-query.json", url: "https://api.osv.dev/v1/query",
                   body: #"{"package": {"ecosystem": "Go", "name": "k8s.io/kubernetes"}}"#),
    ]

    public init(group: Group, name: String, url: String, body: String? = nil) {
        self.group = group
        self.name = name
        self.url = url
        self.body = body
    }
}
