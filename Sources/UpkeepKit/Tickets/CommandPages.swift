/// The Microsoft and Kubernetes pages every command a ticket gives comes from: each template in
/// `TicketCommands` names its page here, and the ticket prints the page next to the command. Each is the newest
/// stored version of its source file (repository, path, commit, `ms.date`), read when the template was written.
enum CommandPages {
    /// `Update-AksHciCluster -name … -kubernetesVersion v…` and `-operatingSystem`.
    /// MicrosoftDocs/azure-stack-docs AKS-Arc/reference/ps/update-akshcicluster.md @069e2a83 (ms.date 2/12/2021).
    static let updateAksHciCluster = "https://learn.microsoft.com/azure/aks/aksarc/reference/ps/update-akshcicluster"
    /// `Update-AksHci`: the AKS hybrid host and management cluster to the newest release.
    /// MicrosoftDocs/azure-stack-docs AKS-Arc/reference/ps/update-akshci.md @fb3f5767.
    static let updateAksHci = "https://learn.microsoft.com/azure/aks/aksarc/reference/ps/update-akshci"
    /// `Get-AksHciUpdates`: the releases the host can update to.
    /// MicrosoftDocs/azure-stack-docs AKS-Arc/reference/ps/get-akshciupdates.md @0b598ccf.
    static let getAksHciUpdates = "https://learn.microsoft.com/azure/aks/aksarc/reference/ps/get-akshciupdates"
    /// `Get-AksHciVersion`: the release the host runs.
    /// MicrosoftDocs/azure-stack-docs AKS-Arc/reference/ps/get-akshciversion.md @efe84057.
    static let getAksHciVersion = "https://learn.microsoft.com/azure/aks/aksarc/reference/ps/get-akshciversion"
    /// `Get-AksHciLogs`: the logs support asks for when an update fails.
    /// MicrosoftDocs/azure-stack-docs AKS-Arc/reference/ps/get-akshcilogs.md @0b598ccf.
    static let getAksHciLogs = "https://learn.microsoft.com/azure/aks/aksarc/reference/ps/get-akshcilogs"
    /// `Update-AksHciCertificates` for the management cluster, then for each workload cluster
    /// `Update-AksHciClusterCertificates -name … -fixKubeletCredentials` (control-plane certificates) and
    /// `-fixCloudCredentials` (MOC certificates), in that order.
    /// MicrosoftDocs/azure-stack-docs AKS-Arc/update-certificates.md @17c1129a (ms.date 04/02/2025).
    static let aksHybridCertificates = "https://learn.microsoft.com/azure/aks/aksarc/update-certificates"
    /// `az aksarc get-upgrades`, `az aksarc upgrade --resource-group … --name … --kubernetes-version …`,
    /// `az aksarc show`; node pools move with the cluster; no node-image-only update.
    /// MicrosoftDocs/azure-stack-docs AKS-Arc/cluster-upgrade.md @0be513a9 (ms.date 11/13/2025).
    static let aksArcUpgrade = "https://learn.microsoft.com/azure/aks/aksarc/cluster-upgrade"
    /// An Azure Local solution update: `Get-SolutionUpdateEnvironment`, `Get-SolutionUpdate`,
    /// `Start-SolutionUpdate -PrepareOnly`, `Start-SolutionUpdate`, resuming, verifying.
    /// MicrosoftDocs/azure-stack-docs azure-local/update/update-via-powershell-23h2.md @10c8b971 (ms.date 12/02/2025).
    static let azureLocalSolutionUpdate = "https://learn.microsoft.com/azure/azure-local/update/update-via-powershell-23h2"
    /// Azure Local's release information: "Azure Arc resource bridge requires solution updates to be applied within
    /// one year ... critical to keep certificates valid" — the only renewal of AKS Arc's certificates a page documents.
    /// MicrosoftDocs/azure-stack-docs azure-local/release-information-23h2.md (ms.date 2026-02-17, newest stored).
    static let azureLocalReleaseInformation = "https://learn.microsoft.com/azure/azure-local/release-information-23h2"
    /// Upstream Kubernetes: one minor at a time, control plane before nodes (kubernetes/website
    /// content/en/docs/tasks/administer-cluster/cluster-upgrade.md @c2124699).
    static let kubernetesClusterUpgrade = "https://kubernetes.io/docs/tasks/administer-cluster/cluster-upgrade/"
}
