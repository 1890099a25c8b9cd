import ArgumentParser
import Foundation
import UpkeepKit

/// `--cluster NAME` (repeatable) and `--until DATE`: what part of the whole plan or status to show (PlanView).
struct ViewOptions: ParsableArguments {
    @Option(name: .customLong("cluster"), help: "Show only this cluster and the steps it waits for (repeatable; a management cluster's name shows it and the clusters it hosts). The plan is the whole fleet's.")
    var clusters: [String] = []

    @Option(help: "Show only what happens before this day (YYYY-MM-DD): steps starting before it, and what is due before it. The plan is the whole horizon's.")
    var until: AsOfDate?

    /// The view, or exit code 1 with one sentence per name the fleet does not have.
    func view(of inputs: InputSet) throws -> PlanView {
        let view = PlanView(names: clusters, until: until?.date)
        let unknown = view.unknownNames(in: inputs)
        guard unknown.isEmpty else {
            FileHandle.standardError.write(Data(unknown.map { "upkeep: \($0)\n" }.joined().utf8))
            throw ExitCode(1)
        }
        return view
    }
}
