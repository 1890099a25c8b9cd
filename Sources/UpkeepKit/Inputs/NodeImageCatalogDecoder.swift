/// Decodes a `NodeImageCatalog` document (one month of node images).
enum NodeImageCatalogDecoder {
    static func decode(_ root: Fields, _ context: DecodingContext) -> NodeImageCatalog? {
        let month = root.required("month").flatMap { context.month($0, "month") }
        let images = root.required("images").map { context.list($0, "images") { image($0, context) } } ?? []
        context.reportDuplicateNames(images.map { ("\($0.family) \($0.version)", $0.position) }, kind: "image", scope: " in this catalog")
        guard let month else { return nil }
        return NodeImageCatalog(month: month, images: images, position: root.position)
    }

    private static func image(_ node: YAMLNode, _ context: DecodingContext) -> NodeImage? {
        guard let fields = context.fields(node, "a node image", known: [
            "family", "os", "version", "released", "announced", "familyEndOfLife", "kubernetesVersions", "components", "fixes",
        ]) else { return nil }
        let family = fields.required("family").flatMap { context.name($0, "family") }
        let os = fields.required("os").flatMap { context.choice($0, "os", as: OperatingSystem.self) }
        let version = fields.required("version").flatMap { context.nodeImageVersion($0, "version") }
        let released = fields.required("released").flatMap { context.date($0, "released") }
        let announced = fields["announced"].flatMap { context.date($0, "announced") }
        if let node = fields["announced"], let announced, let released, announced > released {
            context.error(node, "\"announced\" (\(announced)) is after \"released\" (\(released)); an image is announced on or before the day it comes out.")
        }
        let familyEnd = fields["familyEndOfLife"].flatMap { context.date($0, "familyEndOfLife") }
        let kubernetes = fields["kubernetesVersions"].map { context.list($0, "kubernetesVersions") { context.kubernetesVersion($0, "kubernetesVersions") } } ?? []
        var components: [(name: String, version: String)] = []
        if let node = fields["components"] {
            if case .mapping(let mapping) = node {
                for entry in mapping.entries {
                    if let value = context.text(entry.value, "components.\(entry.key.text)") { components.append((entry.key.text, value)) }
                }
            } else {
                context.error(node, "\"components\" must map each component to its version, not \(node.kindDescription).")
            }
        }
        let fixes = fields["fixes"].map { context.list($0, "fixes") { context.name($0, "fixes") } } ?? []
        guard let family, let os, let version, let released else { return nil }
        return NodeImage(family: family, os: os, version: version, released: released, announced: announced, familyEndOfLife: familyEnd,
                         kubernetesVersions: kubernetes,
                         components: components.sorted { UTF8Order.precedes($0.name, $1.name) },
                         fixes: fixes, position: fields.position)
    }
}
