/// The exports `upkeep inventory` reads, each recognised from its content (never from its file name), with
/// the command that makes it and the published source its shape is taken from.
public enum ObservedExportKind: String, Sendable, CaseIterable {
    /// `az aksarc show -o json` (one provisioned cluster instance) or `az aksarc list -o json` (several).
    /// Shape: Azure/azure-rest-api-specs, specification/hybridaks/resource-manager/Microsoft.HybridContainerService/
    /// stable/2024-01-01/provisionedClusterInstances.json @03115c62 (`provisionedClusters`: `properties.kubernetesVersion`,
    /// `properties.agentPoolProfiles[]` with `name`, `count`, `osType`, `osSKU`, `nodeImageVersion`) and its example
    /// GetProvisionedClusterInstance.json @98e684d2.
    case arcClusters = "az aksarc show"
    /// `az aksarc nodepool list -o json`: agent pools (`type` …/provisionedClusterInstances/agentPools), same
    /// specification (`agentPoolProperties`) and example ListAgentPoolByProvisionedClusterInstance.json @055810ef.
    case arcNodePools = "az aksarc nodepool list"
    /// An Azure Resource Graph result (`az graph query -q "resources | where type =~
    /// 'microsoft.hybridcontainerservice/provisionedclusterinstances'" -o json`): the same resources, under `data`,
    /// their types in lower case (Azure/azure-rest-api-specs specification/resourcegraph/resource-manager/
    /// Microsoft.ResourceGraph/stable/2024-04-01/examples/ResourcesBasicQuery.json @ea83a2a3).
    case resourceGraph = "az graph query"
    /// `Get-AksHciCluster | ConvertTo-Json`: MicrosoftDocs/azure-stack-docs AKS-Arc/reference/ps/get-akshcicluster.md
    /// @72d7517e (ms.date 03/16/2022): `Name`, `KubernetesVersion`, `NodePools`, ….
    case aksHciClusters = "Get-AksHciCluster"
    /// `Get-AksHciNodePool -clusterName … | ConvertTo-Json`: get-akshcinodepool.md @d1e4983a (ms.date 03/16/2022):
    /// `ClusterName`, `NodePoolName`, `Version`, `OsType`, `NodeCount`.
    case aksHciNodePools = "Get-AksHciNodePool"

    /// `kubectl version -o json`, for any cluster, in a file named after the cluster (`store-edge.json`) or in a
    /// folder named after it (`store-edge/version.json`): `serverVersion.gitVersion`. Shape: kubernetes/kubernetes
    /// staging/src/k8s.io/kubectl/pkg/cmd/version/version.go @00b7e32e (`clientVersion`, `serverVersion`) and
    /// staging/src/k8s.io/apimachinery/pkg/version/types.go @7fc9c57d (`gitVersion`).
    case kubectlVersion = "kubectl version"

    /// `kubectl get nodes -o json`, in a file or folder named after the cluster (`store-edge/nodes.json`): each
    /// node's `status.nodeInfo.kubeletVersion`. Shape: kubernetes/website content/en/docs/reference/kubernetes-api/
    /// cluster-resources/node-v1.md @0008cd26 (`Node`, `NodeList` with `items`; kubectl writes the list as `kind: List`).
    case kubectlNodes = "kubectl get nodes"

    /// `Get-SolutionUpdateEnvironment | ConvertTo-Json` on a machine of an Azure Local instance, in a file or folder
    /// named after its management cluster (`arc-local/solution.json`): `CurrentVersion`, "the solution version that
    /// your system is running" (`10.2408.0.29`, release 2408). MicrosoftDocs/azure-stack-docs
    /// azure-local/update/update-via-powershell-23h2.md @10c8b971 (ms.date 12/02/2025), Step 1's example output.
    case azureLocalSolution = "Get-SolutionUpdateEnvironment"

    /// The command an operator runs to make it, as the page (`page`) documents it, with `--output json`.
    public var command: String {
        switch self {
        case .arcClusters: return "az aksarc show --resource-group GROUP --name CLUSTER --output json"
        case .arcNodePools: return "az aksarc nodepool list --resource-group GROUP --cluster-name CLUSTER --output json"
        case .resourceGraph: return "az graph query -q \"Resources | where type =~ 'microsoft.hybridcontainerservice/provisionedclusterinstances'\" --output json"
        case .aksHciClusters: return "Get-AksHciCluster | ConvertTo-Json -Depth 4"
        case .aksHciNodePools: return "Get-AksHciNodePool -clusterName CLUSTER | ConvertTo-Json -Depth 4"
        case .kubectlVersion: return "kubectl version -o json > CLUSTER.json"
        case .kubectlNodes: return "kubectl get nodes -o json > CLUSTER/nodes.json"
        case .azureLocalSolution: return "Get-SolutionUpdateEnvironment | ConvertTo-Json > MANAGEMENT-CLUSTER/solution.json"
        }
    }

    /// The page that documents `command`:
    /// - `az aksarc show`: MicrosoftDocs/azure-stack-docs AKS-Arc/cluster-upgrade.md @0be513a9 (ms.date 11/13/2025);
    /// - `az aksarc nodepool list`: AKS-Arc/cluster-labels.md @7b5e420c (ms.date 08/01/2024);
    /// - `az graph query -q`: MicrosoftDocs/azure-docs articles/governance/resource-graph/first-query-azurecli.md
    ///   @97567dd0 (ms.date 08/17/2021);
    /// - `Get-AksHciCluster`, `Get-AksHciNodePool`: the reference pages named on the cases;
    /// - `kubectl version -o json`: kubernetes/website content/en/docs/reference/kubectl/generated/kubectl_version/_index.md
    ///   @8d2cb198; `kubectl get nodes -o json`: …/kubectl_get/_index.md of the same repository @3842a284.
    public var page: String {
        switch self {
        case .arcClusters: return "https://learn.microsoft.com/azure/aks/aksarc/cluster-upgrade"
        case .arcNodePools: return "https://learn.microsoft.com/azure/aks/aksarc/cluster-labels"
        case .resourceGraph: return "https://learn.microsoft.com/azure/governance/resource-graph/first-query-azurecli"
        case .aksHciClusters: return "https://learn.microsoft.com/azure/aks/aksarc/reference/ps/get-akshcicluster"
        case .aksHciNodePools: return "https://learn.microsoft.com/azure/aks/aksarc/reference/ps/get-akshcinodepool"
        case .kubectlVersion: return "https://kubernetes.io/docs/reference/kubectl/generated/kubectl_version/"
        case .kubectlNodes: return "https://kubernetes.io/docs/reference/kubectl/generated/kubectl_get/"
        case .azureLocalSolution: return "https://learn.microsoft.com/azure/azure-local/update/update-via-powershell-23h2"
        }
    }
}
