# Upkeep — the two set-up commands are `make demo` and `make test`; both install what they need.
SWIFT ?= swift
UPKEEP_DEBUG = .build/debug/upkeep

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
	$(UPKEEP_DEBUG) validate releases
	$(UPKEEP_DEBUG) validate examples

test: build
	$(SWIFT) test

# Generates the 10,000-cluster fleet (deterministic) and times reading and validating it against a raw
# libyaml event scan of the same files.
bench: setup
	$(SWIFT) build -c release
	.build/release/upkeep-bench --upkeep .build/release/upkeep --work bench-data

lint: setup
	$(SWIFT) build -Xswiftc -warnings-as-errors
