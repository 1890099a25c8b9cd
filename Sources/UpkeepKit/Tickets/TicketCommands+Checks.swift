/// The backout and test plans, each fit for what the ticket changes: a Kubernetes cluster's version or images
/// (checked with `kubectl`), an Azure Local instance's solution version, an AKS hybrid host's release or its
/// certificates.
extension TicketCommands {
    func backout(_ steps: [PlanStep]) -> [String] {
        var lines = ["Stop before the next step if a check fails."]
        if steps.contains(where: { $0.kind == .kubernetesUpgrade || $0.kind == .nodePoolUpgrade }) {
            lines.append("Kubernetes upgrades cannot be rolled back in place: restore workloads from backup onto a cluster at the previous version (\(steps.first { $0.kind != .nodeImageUpdate }?.from ?? "")) if the upgraded cluster cannot serve them.")
        }
        if steps.contains(where: { $0.kind == .nodeImageUpdate }) {
            lines.append("Cordon and drain nodes that misbehave on the new image, and replace them.")
        }
        if steps.contains(where: { $0.kind == .platformUpdate }) {
            switch platform {
            case .aksArc:
                lines.append("A solution update is not rolled back: if the readiness checks fail, do not install; if the install fails, fix the cause and resume it with \(Self.command("Get-SolutionUpdate -Id <ResourceId> | Start-SolutionUpdate")) (add \(Self.command("-IgnoreWarnings")) only when the readiness checks stopped on warnings)\(Self.page(CommandPages.azureLocalSolutionUpdate)). Workload clusters keep running.")
            case .aksHybrid:
                lines.append("An AKS hybrid update is not rolled back: if \(Self.command("Update-AksHci")) fails, collect \(Self.command("Get-AksHciLogs")) for support\(Self.page(CommandPages.getAksHciLogs)); workload clusters keep running on their current versions.")
            case .standalone:
                break
            }
        }
        if steps.contains(where: { $0.kind == .certificateRotation }), platform == .aksHybrid {
            lines.append("A rotation is not undone: a workload cluster that loses contact with the cloud agent afterwards gets its \(Self.command("-fixCloudCredentials")) command again\(Self.page(CommandPages.aksHybridCertificates)).")
        }
        return lines
    }

    func tests(_ steps: [PlanStep]) -> [String] {
        var lines: [String] = []
        if !isManagement {
            lines = ["\(Self.command("kubectl get nodes")) shows every node Ready.", "\(Self.command("kubectl get pods -A")) shows no pod failing that was running before."]
        }
        for step in steps where step.kind == .kubernetesUpgrade || step.kind == .nodePoolUpgrade {
            lines.append("\(Self.command("kubectl version")) reports server \(step.to) (\(step.id)).")
            if platform == .aksArc, step.kind == .kubernetesUpgrade {
                lines.append("\(Self.command("az aksarc show --resource-group <resource-group> --name \(Self.shell(subject))")) reports kubernetesVersion \(step.to) and provisioningState Succeeded.")
            }
        }
        if let update = steps.last(where: { $0.kind == .platformUpdate }) {
            switch platform {
            case .aksArc:
                lines.append("\(Self.command("Get-SolutionUpdateEnvironment | ft State, CurrentVersion")) shows AppliedSuccessfully and a CurrentVersion of release \(update.to)\(Self.page(CommandPages.azureLocalSolutionUpdate)).")
            case .aksHybrid:
                lines.append("\(Self.command("Get-AksHciVersion")) reports \(update.to)\(Self.page(CommandPages.getAksHciVersion)).")
            case .standalone:
                break
            }
        }
        if steps.contains(where: { $0.kind == .certificateRotation }), platform == .aksHybrid {
            for cluster in workloadClusters {
                lines.append("\(Self.command("kubectl get nodes")) against workload cluster \(cluster) answers, every node Ready.")
            }
        }
        return lines.isEmpty ? ["The changes above report success."] : lines
    }
}
