/// The commands a ticket's implementation, backout and test plans give, by platform: AKS hybrid's `AksHci`
/// PowerShell module, AKS Arc's `az aksarc` CLI, and plain `kubectl` checks for either. Names are quoted for
/// PowerShell and the shell (single quotes, with any single quote doubled or escaped). A command is marked
/// off by `TicketCommands.code` on each side (a private-use character no name keeps), so that each output
/// can set it as code in its own way.
struct TicketCommands {
    static let code = "\u{E000}"
    var platform: String?
    var subject: String

    init(platform: String?, subject: String) {
        self.platform = platform
        self.subject = subject.replacingEvery(Self.code, with: "")
    }

    private var isArc: Bool { platform == "aks-arc" }
    private var powershellName: String { "'" + subject.replacingEvery("'", with: "''") + "'" }
    private var shellName: String { "'" + subject.replacingEvery("'", with: "'\\''") + "'" }

    var before: [String] {
        ["Confirm the current state: \u{E000}kubectl get nodes -o wide\u{E000} and \u{E000}kubectl version\u{E000} against \(subject)."]
    }

    var after: [String] {
        ["Confirm every node is Ready at its new version and image: \u{E000}kubectl get nodes -o wide\u{E000}."]
    }

    func apply(_ step: PlanStep) -> [String] {
        switch step.kind {
        case .platformUpdate:
            return isArc
                ? ["Apply the Azure Local solution update to release \(step.to) (from \(step.from)); it updates the Arc resource bridge and AKS Arc."]
                : ["Update the management cluster to \(step.to) (from \(step.from)): \u{E000}Update-AksHci\u{E000} (it always goes to the newest release; run \u{E000}Get-AksHciUpdates\u{E000} first and confirm it offers \(step.to))."]
        case .certificateRotation:
            return isArc
                ? ["Rotate the certificates of \(subject) (they expire \(step.from))."]
                : ["Rotate the internal certificates (they expire \(step.from)): \u{E000}Update-AksHciCertificates\u{E000}."]
        case .kubernetesUpgrade:
            return isArc
                ? ["Upgrade \(subject) to Kubernetes \(step.to) (from \(step.from)): \u{E000}az aksarc upgrade --name \(shellName) --resource-group <resource-group> --kubernetes-version \(step.to) --yes\u{E000} (check \u{E000}az aksarc get-upgrades\u{E000} first)."]
                : ["Upgrade \(subject) to Kubernetes \(step.to) (from \(step.from)): \u{E000}Update-AksHciCluster -name \(powershellName) -kubernetesVersion v\(step.to)\u{E000}."]
        case .nodePoolUpgrade:
            let pool = step.nodePool ?? ""
            return isArc
                ? ["Upgrade node pool \(pool) to Kubernetes \(step.to): \u{E000}az aksarc nodepool update --cluster-name \(shellName) --name '\(pool.replacingEvery("'", with: "'\\''"))' --resource-group <resource-group>\u{E000}."]
                : ["Upgrade node pool \(pool) of \(subject) to Kubernetes \(step.to) (from \(step.from)): \u{E000}Update-AksHciCluster -name \(powershellName) -kubernetesVersion v\(step.to)\u{E000} moves the pools with the control plane."]
        case .nodeImageUpdate:
            return isArc
                ? ["Update node pool \(step.nodePool ?? "") to image \(step.to) (from \(step.from))."]
                : ["Update the node images of \(subject) (pool \(step.nodePool ?? ""): \(step.from) → \(step.to)) without changing Kubernetes: \u{E000}Update-AksHciCluster -name \(powershellName) -operatingSystem\u{E000}."]
        }
    }

    func backout(_ steps: [PlanStep]) -> [String] {
        var lines = ["Stop before the next step if a check fails; Kubernetes upgrades cannot be rolled back in place."]
        if steps.contains(where: { $0.kind == .kubernetesUpgrade || $0.kind == .nodePoolUpgrade }) {
            lines.append("Restore workloads from backup onto a cluster at the previous version (\(steps.first { $0.kind != .nodeImageUpdate }?.from ?? "")) if the upgraded cluster cannot serve them.")
        }
        if steps.contains(where: { $0.kind == .nodeImageUpdate }) {
            lines.append("Cordon and drain nodes that misbehave on the new image, and replace them.")
        }
        if steps.contains(where: { $0.kind == .platformUpdate }) {
            lines.append(isArc ? "Follow the Azure Local update's own recovery guidance; workload clusters keep running." : "Run \u{E000}Get-AksHciUpdates\u{E000} and \u{E000}Repair-AksHciCerts\u{E000} as needed; workload clusters keep running on their current versions.")
        }
        return lines
    }

    func tests(_ steps: [PlanStep]) -> [String] {
        var lines = ["\u{E000}kubectl get nodes\u{E000} shows every node Ready.", "\u{E000}kubectl get pods -A\u{E000} shows no pod failing that was running before."]
        for step in steps where step.kind == .kubernetesUpgrade || step.kind == .nodePoolUpgrade {
            lines.append("\u{E000}kubectl version\u{E000} reports server \(step.to) (\(step.id)).")
        }
        if steps.contains(where: { $0.kind == .platformUpdate }) {
            lines.append(isArc ? "The Azure portal shows the update to Azure Local \(steps.last { $0.kind == .platformUpdate }?.to ?? "") succeeded." : "\u{E000}Get-AksHciVersion\u{E000} reports \(steps.last { $0.kind == .platformUpdate }?.to ?? "").")
        }
        return lines
    }
}
