/// The report's step tables: one per subject with steps, in report order.
extension ReportRenderer {
    // MARK: Tables

    /// The steps, one table per subject in report order (each laid out only when scrolled to).
    /// The rows shown on opening have their tables on the page; the others' wait with their group's rows.
    static func stepTables(_ plan: Plan, rows: [ReportRow], shown: [Bool], group: [Int], execution: ExecutionOptions) -> String {
        let withSteps = rows.indices.filter { !rows[$0].steps.isEmpty }
        let tables = execution.map(withSteps, minimum: 256) { index in stepTable(rows[index], plan: plan) }
        var html = "<section id=\"steps\" aria-labelledby=\"steps-title\">\n<h2 id=\"steps-title\">Steps</h2>\n"
        var later: [Int: String] = [:], order: [Int] = []
        for (position, index) in withSteps.enumerated() {
            if shown[index] { html += tables[position]; continue }
            if later[group[index]] == nil { order.append(group[index]) }
            later[group[index], default: ""] += tables[position]
        }
        for key in order { html += deferred(later[key] ?? "", group: "g\(key)") }
        return html + "</section>\n"
    }

    /// Row indices by group, in report order (`group[i]` is row i's group).
    static func groups(_ group: [Int]) -> [[Int]] {
        var result: [[Int]] = []
        for (index, key) in group.enumerated() {
            if key < result.count { result[key].append(index) } else { result.append([index]) }
        }
        return result
    }

    static func stepTable(_ row: ReportRow, plan: Plan) -> String {
        let name = HTMLText.escape(row.name)
        var html = "<div class=\"steps-of\"><h3>\(row.kind == .management ? "Management cluster" : "Cluster") \(name)</h3><div class=\"scroll\"><table>\n"
        html += "<thead><tr><th scope=\"col\">Step</th><th scope=\"col\">From → to</th><th scope=\"col\">Window and start</th><th scope=\"col\">Due</th><th scope=\"col\">Status</th><th scope=\"col\">Why</th><th scope=\"col\">Placed by</th></tr></thead>\n<tbody>\n"
        for index in row.steps {
            let step = plan.steps[index]
            let placement = step.occurrence.map { "\($0.window) \(step.start?.description ?? "")" } ?? "no slot"
            html += "<tr id=\"step-\(index)\" class=\"s-\(step.status.rawValue)\" data-step=\"\(HTMLText.escape(step.id))\"><td>\(HTMLText.escape(step.id))</td><td>\(HTMLText.escape(step.from)) → \(HTMLText.escape(step.to))</td><td>\(HTMLText.escape(placement))</td><td>\(step.due?.description ?? "")</td><td>\(step.status.rawValue)</td><td>\(HTMLText.escape(step.reasons.first ?? ""))</td><td>\(HTMLText.escape(placedBy(step, plan: plan)))</td></tr>\n"
        }
        return html + "</tbody></table></div></div>\n"
    }

    /// The constraint that decided the step's start (the first thing `upkeep explain` gives).
    static func placedBy(_ step: PlanStep, plan: Plan) -> String {
        guard let binding = plan.bindingConstraint(of: step) else { return "" }
        return binding.detail.isEmpty ? binding.kind : "\(binding.detail) (\(binding.kind))"
    }
}
