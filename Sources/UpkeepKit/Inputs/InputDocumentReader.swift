/// Recognises what each document is — by its `kind`, or for published foreign formats by its shape —
/// and decodes it into the input set.
public enum InputDocumentReader {
    public static let apiVersion = "upkeep/v1"
    public static let kinds = [
        "PlatformReleases", "KubernetesReleases", "NodeImageCatalog", "SecurityAdvisory", "Fleet", "UpgradePolicy",
        "MaintenanceSchedule",
    ]

    public static func read(_ document: YAMLDocument, into inputs: inout InputSet, log: DiagnosticLog) {
        let context = DecodingContext(document: document, log: log)
        if case .scalar(let scalar) = document.root, scalar.isNull { return }
        inputs.documentCount += 1
        guard case .mapping(let mapping) = document.root else {
            context.error(document.root, "a document must be a mapping with apiVersion and kind, not \(document.root.kindDescription).")
            return
        }
        if mapping["kind"] == nil && mapping["apiVersion"] == nil {
            readForeign(mapping, context, into: &inputs)
            return
        }
        guard let kindNode = mapping["kind"], let kind = context.text(kindNode, "kind") else {
            context.log.error(context.position(mapping.mark), "the document has apiVersion but no \"kind\"; use one of \(kinds.joined(separator: ", ")).")
            return
        }
        if let versionNode = mapping["apiVersion"] {
            if let version = context.text(versionNode, "apiVersion"), version != apiVersion {
                context.error(versionNode, "\"apiVersion\" is \"\(version)\"; this version of Upkeep reads \(apiVersion).")
            }
        } else {
            context.log.error(context.position(mapping.mark), "the \(kind) document has no \"apiVersion\"; add apiVersion: \(apiVersion).")
        }
        let header = ["apiVersion", "kind"]
        switch kind {
        case "PlatformReleases":
            if let fields = context.fields(document.root, "the PlatformReleases document", known: header + ["platform", "rules", "releases"]),
               let feed = PlatformReleasesDecoder.decode(fields, context) { inputs.platformFeeds.append(feed) }
        case "KubernetesReleases":
            if let fields = context.fields(document.root, "the KubernetesReleases document", known: header + ["minors"]),
               let feed = KubernetesReleasesDecoder.decode(fields, context) { inputs.kubernetesFeeds.append(feed) }
        case "NodeImageCatalog":
            if let fields = context.fields(document.root, "the NodeImageCatalog document", known: header + ["month", "images"]),
               let catalog = NodeImageCatalogDecoder.decode(fields, context) { inputs.nodeImageCatalogs.append(catalog) }
        case "SecurityAdvisory":
            if let fields = context.fields(document.root, "the SecurityAdvisory document", known: header + [
                "id", "aliases", "published", "severity", "cvss", "summary", "os", "affects",
            ]), let advisory = SecurityAdvisoryDecoder.decode(fields, context) { inputs.advisories.append(advisory) }
        case "Fleet":
            if let fields = context.fields(document.root, "the Fleet document", known: header + ["name", "managementClusters", "clusters"]),
               let fleet = FleetDecoder.decode(fields, context) { inputs.fleets.append(fleet) }
        case "UpgradePolicy":
            if let fields = context.fields(document.root, "the UpgradePolicy document", known: UpgradePolicyDecoder.knownKeys),
               let policy = UpgradePolicyDecoder.decode(fields, context) { inputs.policies.append(policy) }
        case "MaintenanceSchedule":
            if let fields = context.fields(document.root, "the MaintenanceSchedule document", known: header + ["windows", "freezes"]),
               let schedule = MaintenanceScheduleDecoder.decode(fields, context) { inputs.schedules.append(schedule) }
        default:
            context.error(kindNode, "\"\(kind)\" is not a kind Upkeep reads (the kinds are \(kinds.joined(separator: ", ")))\(NameSuggestion.sentenceEnding(for: kind, among: kinds))")
        }
    }

    private static func readForeign(_ mapping: YAMLMapping, _ context: DecodingContext, into inputs: inout InputSet) {
        let root = YAMLNode.mapping(mapping)
        guard let fields = context.lenientFields(root, "the document") else { return }
        if mapping["schedules"] != nil {
            if let feed = KubernetesProjectFeedDecoder.decodeSchedule(fields, context) { inputs.kubernetesFeeds.append(feed) }
        } else if mapping["branches"] != nil {
            if let feed = KubernetesProjectFeedDecoder.decodeEndOfLife(fields, context) { inputs.kubernetesFeeds.append(feed) }
        } else if EndOfLifeDateDecoder.isEndOfLifeDate(mapping) {
            if let feed = EndOfLifeDateDecoder.decode(fields, context) { inputs.kubernetesFeeds.append(feed) }
        } else if ReleaseDataDecoder.isReleaseData(mapping) {
            if let feed = ReleaseDataDecoder.decode(fields, context) { inputs.kubernetesFeeds.append(feed) }
        } else if OSVRecordDecoder.isOSVRecord(mapping) {
            if let advisory = OSVRecordDecoder.decode(fields, context) { inputs.advisories.append(advisory) }
        } else {
            context.log.error(fields.position, "the document has no \"kind\" and is not a format Upkeep recognises; add apiVersion: \(apiVersion) and a kind (\(kinds.joined(separator: ", "))).")
        }
    }
}
