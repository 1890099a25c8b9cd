/// What the fuzz targets run on each input (`Fuzz/`, `make fuzz`), and what the regression tests replay:
/// any input must come back — no crash, no hang, no runaway memory — whatever its bytes.
public enum FuzzHarness {
    /// The YAML reader on one file's bytes. Where the direct JSON reader takes them, libyaml must read the same
    /// documents without a problem: a difference stops the fuzzer like a crash.
    public static func yaml(_ bytes: [UInt8]) {
        let log = DiagnosticLog()
        let documents = YAMLReader().read(bytes, path: "fuzz.yaml", log: log)
        _ = log.sorted
        guard bytes.withUnsafeBufferPointer({ JSONTreeReader.read($0, path: "fuzz.yaml", limits: .standard) != nil }) else { return }
        var libyaml = YAMLReader()
        libyaml.readsJSONDirectly = false
        let libyamlLog = DiagnosticLog()
        let expected = libyaml.read(bytes, path: "fuzz.yaml", log: libyamlLog)
        precondition(documents == expected && libyamlLog.diagnostics.isEmpty, "the direct JSON reader and libyaml read these bytes differently")
    }

    /// Reading and cross-checking a whole input set: the bytes are split at each 0xFF byte (never part of
    /// UTF-8) into up to four files, so that references between documents of different files are fuzzed too.
    public static func inputs(_ bytes: [UInt8]) {
        let log = DiagnosticLog()
        let inputs = InputLoader().load(sources: files(bytes, names: ["a.yaml", "b.yaml", "c.yml", "d.json"]), log: log)
        let report = ValidationReport(inputs: inputs, log: log)
        _ = report.diagnostics.map(\.description)
    }

    /// Planning a small fleet: the bytes are the fleet file, next to a fixed platform feed, Kubernetes feed,
    /// image catalog, schedule and policy. When the inputs are valid the plan is made and rendered.
    public static func plan(_ bytes: [UInt8]) {
        var sources = fixedInputs.map { (path: $0.path, bytes: Array($0.text.utf8)) }
        sources.append((path: "fleet.yaml", bytes: bytes))
        let log = DiagnosticLog()
        let inputs = InputLoader().load(sources: sources, log: log)
        let report = ValidationReport(inputs: inputs, log: log)
        guard report.isValid, let asOf = CalendarDate(parsing: "2024-07-01") else { return }
        let plan = Planner.plan(inputs: inputs, asOf: asOf, horizon: .days(120), execution: .serial)
        _ = PlanTextRenderer.render(plan)
        _ = PlanJSONRenderer.renderBytes(plan)
    }

    /// The observed-state exports `upkeep inventory` reads: the bytes cut at each 0xFF into a nodes file (the fast
    /// path, and the located reader behind it), an export of any kind and an Azure Local solution file, joined,
    /// compared with a small fixed fleet and written into it. What is written must read back: the rewritten fleet
    /// without a problem and agreeing with every fact it wrote, the new fleet without a problem and with every
    /// cluster's name as reported (a difference stops the fuzzer like a crash).
    public static func observed(_ bytes: [UInt8]) {
        let log = DiagnosticLog()
        let facts = ObservedInventory.read(files: files(bytes, names: ["edge/nodes.json", "export.json", "mgmt/solution.json"]), log: log,
                                           execution: .serial)
        _ = log.sorted.map(\.description)
        let fleet = Array(observedFleet.utf8)
        guard let document = YAMLReader().read(fleet, path: "fleet.yaml", log: DiagnosticLog()).first else { return }
        let drift = FleetDrift.compare(fleet: document, observed: facts, execution: .serial)
        let patched = FleetPatcher.apply(drift, to: fleet)
        let patchedLog = DiagnosticLog()
        let reread = YAMLReader().read(patched.bytes, path: "fleet.yaml", log: patchedLog).first
        precondition(patchedLog.diagnostics.isEmpty && reread != nil, "the rewritten fleet does not read back")
        if let reread {
            let again = FleetDrift.compare(fleet: reread, observed: facts, execution: .serial).changes
            for written in patched.written {
                precondition(!again.contains { $0.kind == .changed && $0.cluster == written.cluster && $0.pool == written.pool && $0.field == written.field },
                             "a value the fleet was rewritten with reads back as another")
            }
        }
        let newLog = DiagnosticLog()
        let newFleet = YAMLReader().read(NewFleetWriter.render(facts, sources: ["fuzz"]), path: "new.yaml", log: newLog).first
        let names = newFleet?.root.mapping?["clusters"]?.sequence?.items.compactMap { $0.mapping?["name"]?.scalar?.text } ?? []
        precondition(newLog.diagnostics.isEmpty && names == facts.clusters.map(\.name), "the new fleet does not read back")
    }

    static let observedFleet = """
        apiVersion: upkeep/v1
        kind: Fleet
        name: f
        managementClusters:
          - { name: mgmt, platform: aks-arc, version: 2508, window: w }
        clusters:
          - name: edge
            managementCluster: mgmt
            kubernetesVersion: 1.30.1
            window: w
            nodePools:
              - { name: system, os: linux, imageFamily: i, kubernetesVersion: 1.30.1, nodeImage: "202406.11.0", nodes: 3 }
              - { name: 'win', os: windows, imageFamily: j, kubernetesVersion: "1.30.1", nodeImage: '20348.2527.240611', nodes: 2 }
        """

    /// The bytes cut at each 0xFF into files with the given names (the rest joined to the last).
    static func files(_ bytes: [UInt8], names: [String]) -> [(path: String, bytes: [UInt8])] {
        var parts: [[UInt8]] = [[]]
        for byte in bytes {
            if byte == 0xFF && parts.count < names.count { parts.append([]) } else { parts[parts.count - 1].append(byte) }
        }
        return zip(names, parts).map { (path: $0, bytes: $1) }
    }

    /// Invented, small and valid: two platform releases, upstream 1.27–1.30, one image family, two windows,
    /// three rings.
    static let fixedInputs: [(path: String, text: String)] = [
        ("platform.yaml", """
            apiVersion: upkeep/v1
            kind: PlatformReleases
            platform: p
            releases:
              - { version: 1.0.1.0, released: 2024-01-10, kubernetesVersions: [1.27.3, 1.28.3, 1.29.1] }
              - version: 1.0.2.0
                released: 2024-06-10
                kubernetesVersions: [1.28.5, 1.29.4, 1.30.1]
                endOfSupport: [{ minor: "1.28", date: 2024-09-30 }]
            """),
        ("kubernetes.yaml", """
            apiVersion: upkeep/v1
            kind: KubernetesReleases
            minors:
              - { minor: "1.29", released: 2023-12-13, endOfLife: 2025-02-28, patches: [{ version: 1.29.6, released: 2024-06-11 }] }
              - { minor: "1.30", released: 2024-04-17, endOfLife: 2025-06-28, patches: [{ version: 1.30.2, released: 2024-06-11 }] }
            """),
        ("images.yaml", """
            apiVersion: upkeep/v1
            kind: NodeImageCatalog
            month: 2024-06
            images:
              - { family: linux-1, os: linux, version: "202406.01.0", released: 2024-06-01 }
              - { family: windows-1, os: windows, version: "20348.1.240601", released: 2024-06-01 }
            """),
        ("schedule.yaml", """
            apiVersion: upkeep/v1
            kind: MaintenanceSchedule
            windows:
              - { name: daily, timeZone: UTC, weekly: { days: [monday, wednesday, friday], start: "01:00", duration: 4h }, maxParallel: 2 }
              - { name: berlin, timeZone: Europe/Berlin, weekly: { days: [sunday], start: "02:30", duration: 3h } }
            freezes:
              - { name: summer, from: 2024-08-01, to: 2024-08-14, rings: [prod] }
            """),
        ("policy.yaml", """
            apiVersion: upkeep/v1
            kind: UpgradePolicy
            rings:
              - { name: dev, soak: 0d }
              - { name: staging, soak: 7d }
              - { name: prod, soak: 14d }
            """),
    ]
}
