# Upkeep — the two set-up commands are `make demo` and `make test`; both install what they need.
SWIFT ?= swift
UPKEEP_DEBUG = .build/debug/upkeep
# The demo reports on a fixed day inside the shipped feeds' range, so its output never changes.
DEMO_DATE = 2024-07-01
DEMO_INPUTS = releases schedules examples

.PHONY: demo test bench lint setup build

# libyaml-dev (and pkg-config, through which SwiftPM finds it) when missing: as root, or with sudo.
setup:
	@if ! pkg-config --exists yaml-0.1 2>/dev/null; then \
		echo "Installing libyaml-dev and pkg-config…"; \
		SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
		$$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq libyaml-dev pkg-config; \
	fi

build: setup
	$(SWIFT) build

demo: build
	$(UPKEEP_DEBUG) validate $(DEMO_INPUTS)
	$(UPKEEP_DEBUG) status $(DEMO_INPUTS) --as-of $(DEMO_DATE)

test: build
	$(SWIFT) test

# Generates the 10,000-cluster fleet (deterministic) and times reading and validating it against a raw
# libyaml event scan of the same files.
bench: setup
	$(SWIFT) build -c release
	.build/release/upkeep-bench --upkeep .build/release/upkeep --work bench-data

lint: setup
	$(SWIFT) build -Xswiftc -warnings-as-errors
