# Upkeep — the two set-up commands are `make demo` and `make test`; both install what they need.
# Recipes use bash (the fuzz targets read a pipeline's first exit status).
SHELL := /bin/bash
SWIFT ?= swift
UPKEEP_DEBUG = .build/debug/upkeep
# The demo reports on a fixed day: the newest on which the shipped feeds still describe the world (the day before
# Azure Local 2511, the first release whose Kubernetes versions no source gives), so its output never changes.
DEMO_DATE = 2025-11-17
DEMO_INPUTS = releases schedules examples/fleet.yaml
# The same fleet as a pull request changes it: the demo diffs the two plans.
DEMO_CHANGED_INPUTS = releases schedules examples/pull-request/fleet.yaml

DEMO_OUTPUT = demo-output

.PHONY: demo test bench bench-instructions lint setup build python-tools browser feeds fuzz fuzz-build fuzz-smoke

# libyaml-dev (and pkg-config, through which SwiftPM finds it) when missing: as root, or with sudo.
setup:
	@if ! pkg-config --exists yaml-0.1 2>/dev/null; then \
		echo "Installing libyaml-dev and pkg-config…"; \
		SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
		$$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq libyaml-dev pkg-config; \
	fi

# The Python tools the tests use: jsonschema (plan schemas), PyYAML, icalendar and vobject (calendars).
PYTHON_TOOLS = jsonschema pyyaml icalendar vobject markdown-it-py
python-tools:
	@if ! python3 -c "import jsonschema, yaml, icalendar, vobject, markdown_it" 2>/dev/null; then \
		echo "Installing the Python test tools ($(PYTHON_TOOLS))…"; \
		python3 -m pip install --quiet $(PYTHON_TOOLS) \
		|| python3 -m pip install --quiet --break-system-packages $(PYTHON_TOOLS) \
		|| ( SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; $$SUDO apt-get update -qq \
		     && $$SUDO apt-get install -y -qq python3-jsonschema python3-yaml python3-icalendar python3-vobject ); \
		python3 -c "import jsonschema, yaml, icalendar, vobject, markdown_it"; \
	fi

# Debian's chromium, which the HTML report's tests render it in, and pandoc, whose Jira reader reads the Jira
# tickets back, when missing. When it cannot be installed
# (no root, no network), make test goes on and those tests say they were skipped and why.
browser:
	@if ! command -v chromium >/dev/null 2>&1 && ! command -v chromium-browser >/dev/null 2>&1; then \
		echo "Installing chromium for the HTML report tests…"; \
		SUDO=""; [ "$$(id -u)" = 0 ] || SUDO="sudo -n"; \
		( $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium ) >/dev/null 2>&1 \
		|| echo "chromium could not be installed: the HTML report's browser tests will be skipped."; \
	fi
	@if ! command -v shellcheck >/dev/null 2>&1; then \
		echo "Installing shellcheck, which checks the sample workflows' scripts…"; \
		SUDO=""; [ "$$(id -u)" = 0 ] || SUDO="sudo -n"; \
		( $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq shellcheck ) >/dev/null 2>&1 \
		|| echo "shellcheck could not be installed: the workflow script test will skip it."; \
	fi
	@if ! command -v pandoc >/dev/null 2>&1; then \
		echo "Installing pandoc, whose Jira reader the Jira ticket tests read the markup back with…"; \
		SUDO=""; [ "$$(id -u)" = 0 ] || SUDO="sudo -n"; \
		( $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq pandoc ) >/dev/null 2>&1 \
		|| echo "pandoc could not be installed: the Jira wiki markup tests will be skipped."; \
	fi

build: setup
	$(SWIFT) build

# The plan has late steps on purpose (the sample fleet is behind), so its exit code 3 is expected.
demo: build
	$(UPKEEP_DEBUG) validate $(DEMO_INPUTS)
	$(UPKEEP_DEBUG) status $(DEMO_INPUTS) --as-of $(DEMO_DATE)
	@# The demo's own folder starts empty (upkeep refuses to replace a folder it did not mark as its own).
	@rm -rf $(DEMO_OUTPUT) && mkdir -p $(DEMO_OUTPUT)
	@for format in text markdown json yaml; do \
		$(UPKEEP_DEBUG) plan $(DEMO_INPUTS) --as-of $(DEMO_DATE) --format $$format -o $(DEMO_OUTPUT)/plan.$$format; \
		status=$$?; [ $$status -eq 0 ] || [ $$status -eq 3 ] || exit $$status; \
	done
	$(UPKEEP_DEBUG) calendar $(DEMO_INPUTS) --as-of $(DEMO_DATE) -o $(DEMO_OUTPUT)/plan.ics --per-subject $(DEMO_OUTPUT)/calendars
	$(UPKEEP_DEBUG) report $(DEMO_INPUTS) --as-of $(DEMO_DATE) -o $(DEMO_OUTPUT)/plan.html
	@for format in markdown servicenow jira jira-adf; do \
		$(UPKEEP_DEBUG) tickets $(DEMO_INPUTS) --as-of $(DEMO_DATE) --format $$format -o $(DEMO_OUTPUT)/tickets-$$format || exit $$?; \
	done
	@cat $(DEMO_OUTPUT)/plan.text
	@# Reviewing a change: the plan after the pull request's change, its diff (exit 2: the plans differ) and the CI gate (exit 3: it fails).
	@$(UPKEEP_DEBUG) plan $(DEMO_CHANGED_INPUTS) --as-of $(DEMO_DATE) --format json -o $(DEMO_OUTPUT)/plan-after-change.json; status=$$?; [ $$status -eq 0 ] || [ $$status -eq 3 ] || exit $$status
	@$(UPKEEP_DEBUG) diff $(DEMO_OUTPUT)/plan.json $(DEMO_OUTPUT)/plan-after-change.json --format markdown > $(DEMO_OUTPUT)/plan-diff.md; status=$$?; [ $$status -eq 2 ] || exit 1
	$(UPKEEP_DEBUG) diff $(DEMO_OUTPUT)/plan.json $(DEMO_OUTPUT)/plan-after-change.json || [ $$? -eq 2 ]
	$(UPKEEP_DEBUG) check $(DEMO_CHANGED_INPUTS) --as-of $(DEMO_DATE) --plan $(DEMO_OUTPUT)/plan-after-change.json --format github > $(DEMO_OUTPUT)/check.github.txt || [ $$? -eq 3 ]
	$(UPKEEP_DEBUG) check $(DEMO_CHANGED_INPUTS) --as-of $(DEMO_DATE) --format sarif > $(DEMO_OUTPUT)/check.sarif || [ $$? -eq 3 ]
	@# Feeds from a bundle of the published sources (offline), into a copy of the shipped feeds. The bundle holds
	@# the newest release information page, whose typo dates an 11.2510 build in January 2025: the pull refuses
	@# that page, keeps the AKS Arc feed as it was and exits 1, while the other groups update.
	@# The inventory from the clusters: a copy of the sample exports in which platform-services-prod moved to 1.28.9;
	@# the fleet is updated into a copy (one line printed, one value changed), and check --observed finds the drift.
	@rm -rf $(DEMO_OUTPUT)/observed && cp -r examples/observed $(DEMO_OUTPUT)/observed
	@sed -i 's/"KubernetesVersion": "v1.28.5"/"KubernetesVersion": "v1.28.9"/' $(DEMO_OUTPUT)/observed/aks-hybrid-clusters.json
	$(UPKEEP_DEBUG) inventory $(DEMO_OUTPUT)/observed --fleet examples/fleet.yaml -o $(DEMO_OUTPUT)/fleet-from-observed.yaml
	$(UPKEEP_DEBUG) check $(DEMO_INPUTS) --as-of $(DEMO_DATE) --observed $(DEMO_OUTPUT)/observed > $(DEMO_OUTPUT)/check-observed.txt || [ $$? -eq 3 ]
	@grep inventory-drift $(DEMO_OUTPUT)/check-observed.txt
	@cp -r releases $(DEMO_OUTPUT)/feeds
	$(UPKEEP_DEBUG) feeds pull --into $(DEMO_OUTPUT)/feeds --from examples/feeds-bundle || [ $$? -eq 1 ]
	@echo "The plan in every format: $(DEMO_OUTPUT)/plan.{text,markdown,json,yaml}; as a page: $(DEMO_OUTPUT)/plan.html; its calendar: $(DEMO_OUTPUT)/plan.ics (one per cluster in $(DEMO_OUTPUT)/calendars/); change tickets: $(DEMO_OUTPUT)/tickets-{markdown,servicenow,jira,jira-adf}/; the pull request's diff: $(DEMO_OUTPUT)/plan-diff.md; its check: $(DEMO_OUTPUT)/check.github.txt and check.sarif; the fleet updated from the clusters' exports: $(DEMO_OUTPUT)/fleet-from-observed.yaml"

test: build python-tools browser fuzz-smoke
	$(SWIFT) test

# Coverage-guided fuzzing with libFuzzer: three targets (the YAML reader, reading and checking a whole input set,
# planning a small fleet), built with the fuzzer and address sanitizers into .build/fuzz. `make fuzz` runs each
# for FUZZ_SECONDS from the committed seeds (Fuzz/seeds/) and keeps what it finds in .build/fuzz/work; a crash
# stops it and names the input, which goes to Fuzz/regressions/ with its fix (the tests replay them).
# `make test` runs a short smoke of each.
FUZZ_SECONDS ?= 60
FUZZ_SMOKE_RUNS ?= 3000
FUZZ_TARGETS = yaml inputs plan observed
fuzz-build: setup
	@for target in $(FUZZ_TARGETS); do \
		UPKEEP_FUZZ=1 $(SWIFT) build --build-path .build/fuzz -Xswiftc -sanitize=fuzzer,address --product fuzz-$$target || exit $$?; \
	done

fuzz: fuzz-build
	@for target in $(FUZZ_TARGETS); do \
		mkdir -p .build/fuzz/work/corpus-$$target .build/fuzz/work/crashes-$$target; \
		echo "Fuzzing $$target for $(FUZZ_SECONDS) s…"; \
		.build/fuzz/debug/fuzz-$$target -max_total_time=$(FUZZ_SECONDS) -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 \
			-artifact_prefix=.build/fuzz/work/crashes-$$target/ .build/fuzz/work/corpus-$$target Fuzz/seeds/$$target Fuzz/regressions/$$target \
			2>&1 | grep -E "^#[0-9]+ +(INITED|DONE)|stat::(number_of_executed_units|average_exec_per_sec)|ERROR|SUMMARY|Test unit written" ; \
		[ $${PIPESTATUS[0]} -eq 0 ] || exit 1; \
	done

fuzz-smoke: fuzz-build
	@# libFuzzer adds what it finds to its first corpus folder: a fresh one, never the committed seeds.
	@for target in $(FUZZ_TARGETS); do \
		corpus=$$(mktemp -d); \
		.build/fuzz/debug/fuzz-$$target -runs=$(FUZZ_SMOKE_RUNS) -rss_limit_mb=2048 -timeout=10 \
			-artifact_prefix=$$corpus/ $$corpus Fuzz/seeds/$$target Fuzz/regressions/$$target >$$corpus.log 2>&1 \
			|| { echo "fuzz smoke of $$target failed:"; tail -40 $$corpus.log; exit 1; }; \
		rm -rf $$corpus $$corpus.log; \
		echo "fuzz smoke of $$target: $(FUZZ_SMOKE_RUNS) runs, no crash"; \
	done

# Generates the 10,000-cluster fleet (deterministic) and times reading, validating and planning it (and
# planning a fleet twice its size) against a raw libyaml event scan of the same files.
# The shipped Kubernetes feed, made from the published files kept in upstream/kubernetes/ (a test checks that
# releases/kubernetes.yaml is what this writes).
KUBERNETES_FEED_COMMAND = feeds kubernetes upstream/kubernetes --from-minor 1.24 -o releases/kubernetes.yaml
feeds: build
	$(UPKEEP_DEBUG) $(KUBERNETES_FEED_COMMAND)

bench: setup
	$(SWIFT) build -c release
	.build/release/upkeep-bench --upkeep .build/release/upkeep --work bench-data

# The benchmark plan's instruction count, which repeats to 0.1% where wall-clock time does not (needs valgrind;
# the fleets are the ones `make bench` writes).
bench-instructions: bench
	valgrind --tool=callgrind --callgrind-out-file=/dev/null .build/release/upkeep plan bench-data/fleet-10000 \
		--as-of 2024-07-01 --format json -o bench-data/plan-10000.json 2>&1 | grep 'refs'

lint: setup
	$(SWIFT) build -Xswiftc -warnings-as-errors
