/// Each subject's verdict on the plan's day, as status gives it (SupportAnswer, from the plan's rows): a ticket for
/// a subject out of support says so first, so that a change that keeps it running (a certificate rotation on a
/// retired host) is not read as one that brings it back into support.
struct TicketVerdicts: Sendable {
    /// The sentence for each subject out of support, by subject (`cluster/NAME`, `management-cluster/NAME`).
    private let outOfSupport: [String: String]

    init(plan: Plan) {
        var lines: [String: String] = [:]
        for row in plan.managementClusters {
            guard let answer = row.support, answer.isOutOfSupport else { continue }
            lines["management-cluster/\(row.name)"] = "management cluster \(row.name) is out of support on \(plan.asOf): \(row.supportReasons.first ?? "")"
        }
        for row in plan.clusters {
            guard let answer = row.support, answer.isOutOfSupport else { continue }
            lines["cluster/\(row.name)"] = "cluster \(row.name) is out of support on \(plan.asOf): \(answer.inherited ?? row.supportReasons.first ?? "")"
        }
        outOfSupport = lines
    }

    func line(for subject: String) -> String? { outOfSupport[subject] }
}
