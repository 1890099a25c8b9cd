/// Makes the plan (planning.md 3–6): the library's one entry to the `PlanningPipeline`.
public enum Planner {
    /// `inputFiles` is read once the plan is made (the caller may hash the files meanwhile).
    public static func plan(inputs: InputSet, asOf: CalendarDate, horizon: Horizon? = nil,
                            inputFiles: () -> [Plan.InputFile] = { [] }, execution: ExecutionOptions = .standard) -> Plan {
        PlanningPipeline(execution: execution).plan(inputs: inputs, asOf: asOf, horizon: horizon, inputFiles: inputFiles)
    }
}
