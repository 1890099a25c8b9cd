/// The commands a ticket's implementation, backout and test plans give, each the documented command of its
/// subject's platform (`CommandPages` names the page of each, and the ticket prints it): AKS hybrid's `AksHci`
/// PowerShell module, AKS Arc's `az aksarc` CLI and Azure Local's solution update cmdlets, and `kubectl` checks
/// for any Kubernetes cluster. A cluster with no management cluster gets no platform command: the inventory does
/// not say what manages it, so its ticket says what must happen and gives only `kubectl` checks.
///
/// Names are quoted for PowerShell and the shell (single quotes, with any single quote doubled or escaped). A
/// command is marked off by `TicketCommands.code` on each side (a private-use character no name keeps), so that
/// each output can set it as code in its own way.
struct TicketCommands {
    static let code = "\u{E000}"

    enum Platform {
        case aksHybrid, aksArc, standalone
    }

    var platform: Platform
    var subject: String
    /// Whether the subject is a management cluster (platform updates, certificate rotations).
    var isManagement: Bool
    /// A management cluster's workload clusters, in inventory order (AKS hybrid names each one's certificate command).
    var workloadClusters: [String]

    init(platform: String?, subject: String, isManagement: Bool = false, workloadClusters: [String] = []) {
        self.platform = platform == "aks-hybrid" ? .aksHybrid : platform == "aks-arc" ? .aksArc : .standalone
        self.subject = subject.replacingEvery(Self.code, with: "")
        self.isManagement = isManagement
        self.workloadClusters = workloadClusters.map { $0.replacingEvery(Self.code, with: "") }
    }

    static func command(_ text: String) -> String { code + text + code }
    static func powershell(_ name: String) -> String { "'" + name.replacingEvery("'", with: "''") + "'" }
    static func shell(_ name: String) -> String { "'" + name.replacingEvery("'", with: "'\\''") + "'" }
    static func page(_ url: String) -> String { " (documented at " + url + ")" }

    var before: [String] {
        guard isManagement else {
            return ["Confirm the current state: \(Self.command("kubectl get nodes -o wide")) and \(Self.command("kubectl version")) against \(subject)."]
        }
        switch platform {
        case .aksArc:
            return ["On one machine of the Azure Local instance \(subject), as the deployment user, confirm its solution version and health: \(Self.command("Get-SolutionUpdateEnvironment")) (CurrentVersion; HealthState must be Success, else troubleshoot the readiness checks before going on)\(Self.page(CommandPages.azureLocalSolutionUpdate))."]
        case .aksHybrid:
            return ["Confirm the release the host runs: \(Self.command("Get-AksHciVersion"))\(Self.page(CommandPages.getAksHciVersion))."]
        case .standalone:
            return []
        }
    }

    var after: [String] {
        guard !isManagement else { return [] }
        return ["Confirm every node is Ready at its new version and image: \(Self.command("kubectl get nodes -o wide"))."]
    }

    func apply(_ step: PlanStep) -> [String] {
        switch platform {
        case .aksHybrid: return aksHybrid(step)
        case .aksArc: return aksArc(step)
        case .standalone: return standalone(step)
        }
    }

    private func aksHybrid(_ step: PlanStep) -> [String] {
        let name = Self.powershell(subject)
        switch step.kind {
        case .platformUpdate:
            return ["Run \(Self.command("Get-AksHciUpdates")) and confirm it offers \(step.to)\(Self.page(CommandPages.getAksHciUpdates)).",
                    "Update the host and management cluster to \(step.to) (from \(step.from)): \(Self.command("Update-AksHci")) (it goes to the newest release offered)\(Self.page(CommandPages.updateAksHci))."]
        case .certificateRotation:
            var lines = ["Rotate the management cluster's certificates and tokens (they expire \(step.from)): \(Self.command("Update-AksHciCertificates"))\(Self.page(CommandPages.aksHybridCertificates))."]
            if workloadClusters.isEmpty {
                lines.append("The inventory lists no workload cluster of \(subject); for each one it has, run \(Self.command("Update-AksHciClusterCertificates -name <cluster> -fixCloudCredentials")).")
            }
            for cluster in workloadClusters {
                let quoted = Self.powershell(cluster)
                lines.append("Workload cluster \(cluster): \(Self.command("Update-AksHciClusterCertificates -name \(quoted) -fixCloudCredentials")); where its control-plane certificates lapsed (shut down more than 30 days), first \(Self.command("Update-AksHciClusterCertificates -name \(quoted) -fixKubeletCredentials"))\(Self.page(CommandPages.aksHybridCertificates)).")
            }
            return lines
        case .kubernetesUpgrade:
            return ["Upgrade \(subject) to Kubernetes \(step.to) (from \(step.from)): \(Self.command("Update-AksHciCluster -name \(name) -kubernetesVersion v\(step.to)"))\(Self.page(CommandPages.updateAksHciCluster))."]
        case .nodePoolUpgrade:
            return ["Upgrade node pool \(step.nodePool ?? "") of \(subject) to Kubernetes \(step.to) (from \(step.from)): \(Self.command("Update-AksHciCluster -name \(name) -kubernetesVersion v\(step.to)")) moves the pools with the control plane\(Self.page(CommandPages.updateAksHciCluster))."]
        case .nodeImageUpdate:
            return ["Update the node images of \(subject) (pool \(step.nodePool ?? ""): \(step.from) → \(step.to)) without changing Kubernetes: \(Self.command("Update-AksHciCluster -name \(name) -operatingSystem"))\(Self.page(CommandPages.updateAksHciCluster))."]
        }
    }

    private func aksArc(_ step: PlanStep) -> [String] {
        let name = Self.shell(subject)
        let upgrade = "az aksarc upgrade --resource-group <resource-group> --name \(name) --kubernetes-version \(step.to)"
        switch step.kind {
        case .platformUpdate:
            return ["Find the solution update of release \(step.to) (from \(step.from)) and note its ResourceId: \(Self.command("Get-SolutionUpdate | Where-Object {$_.State -like \"Ready*\" -or $_.State -like \"Additional*\"} | FL DisplayName, Description, ResourceId, State, PackageType"))\(Self.page(CommandPages.azureLocalSolutionUpdate)).",
                    "Download it and run the readiness checks without installing: \(Self.command("Get-SolutionUpdate -Id <ResourceId> | Start-SolutionUpdate -PrepareOnly")); wait until \(Self.command("Get-SolutionUpdate -Id <ResourceId> | ft Version,State,UpdateStateProperties,HealthState")) shows ReadyToInstall (HealthCheckFailed: stop and troubleshoot)\(Self.page(CommandPages.azureLocalSolutionUpdate)).",
                    "Install it: \(Self.command("Get-SolutionUpdate -Id <ResourceId> | Start-SolutionUpdate")) (machines reboot; a single-machine instance is down meanwhile), and follow it to Installed with the same \(Self.command("Get-SolutionUpdate -Id <ResourceId> | ft Version,State,UpdateStateProperties,HealthState")) or in the Azure portal; it updates the Arc resource bridge and AKS Arc with it\(Self.page(CommandPages.azureLocalSolutionUpdate))."]
        case .certificateRotation:
            return ["Renew the certificates of \(subject) (they expire \(step.from)); Microsoft documents no command for this on AKS Arc, so this ticket gives none: what its pages document is that solution updates applied within a year keep them valid\(Self.page(CommandPages.azureLocalReleaseInformation)). Ask Microsoft support for the renewal before this window (the plan's warning certificate-renewal-undocumented)."]
        case .kubernetesUpgrade:
            return ["Check that \(step.to) is offered: \(Self.command("az aksarc get-upgrades --resource-group <resource-group> --name \(name)"))\(Self.page(CommandPages.aksArcUpgrade)).",
                    "Upgrade \(subject) and its node pools to Kubernetes \(step.to) (from \(step.from)): \(Self.command(upgrade))\(Self.page(CommandPages.aksArcUpgrade))."]
        case .nodePoolUpgrade:
            return ["Node pool \(step.nodePool ?? "") of \(subject) moves to Kubernetes \(step.to) with the cluster: AKS Arc documents no separate node pool upgrade, so it comes with \(Self.command(upgrade))\(Self.page(CommandPages.aksArcUpgrade))."]
        case .nodeImageUpdate:
            return ["Node pool \(step.nodePool ?? "") of \(subject) needs image \(step.to) (from \(step.from)): AKS Arc has no node-image-only update; the image comes with an upgrade to the newest Kubernetes version offered (\(Self.command("az aksarc get-upgrades --resource-group <resource-group> --name \(name)")), then \(Self.command("az aksarc upgrade --resource-group <resource-group> --name \(name) --kubernetes-version <newest>")))\(Self.page(CommandPages.aksArcUpgrade))."]
        }
    }

    /// No platform command: what must happen, in words, with upstream Kubernetes' own order.
    private func standalone(_ step: PlanStep) -> [String] {
        let unknown = "the inventory does not say what manages \(subject), so this ticket gives no command: use the tool that installed it"
        switch step.kind {
        case .kubernetesUpgrade, .nodePoolUpgrade:
            let what = step.kind == .nodePoolUpgrade ? "the nodes of pool \(step.nodePool ?? "") of \(subject)" : "\(subject), control plane first and then its nodes,"
            return ["Upgrade \(what) to Kubernetes \(step.to) (from \(step.from)); \(unknown), one minor at a time\(Self.page(CommandPages.kubernetesClusterUpgrade))."]
        case .nodeImageUpdate:
            return ["Replace the nodes of pool \(step.nodePool ?? "") of \(subject) with image \(step.to) (from \(step.from)), draining each first; \(unknown)."]
        case .platformUpdate, .certificateRotation:
            return ["\(step.kind.rawValue) \(step.from) → \(step.to) on \(subject); \(unknown)."]
        }
    }
}
