#!/usr/bin/env bash
# Plans every test fleet and the benchmark fleet with the commit BASE and with the working tree, and
# compares them value for value (keys listed after BASE are ignored, e.g. fields added since BASE).
# Usage: Tests/tools/compare-plans.sh BASE [IGNORED-KEY ...]
set -euo pipefail
base="$1"; shift
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d)"
trap 'git -C "$root" worktree remove --force "$work/base" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
git -C "$root" worktree add --detach "$work/base" "$base" >/dev/null
# BASE must have the dump hook of PlanFixtures.plan (UPKEEP_PLAN_DUMP): any commit from the one that added it.
for side in base head; do
  tree="$root"; [ "$side" = base ] && tree="$work/base"
  echo "Planning the test fleets with $side…"
  (cd "$tree" && UPKEEP_PLAN_DUMP="$work/$side-fleets" swift test >/dev/null 2>&1 || true)
  (cd "$tree" && swift build -c release --product upkeep >/dev/null && swift build -c release --product upkeep-bench >/dev/null)
  # The benchmark fleet is generated with the working tree's binaries, which a fresh checkout has yet to build.
  if [ ! -x "$root/.build/release/upkeep-bench" ] || [ ! -x "$root/.build/release/upkeep" ]; then
    (cd "$root" && swift build -c release --product upkeep >/dev/null && swift build -c release --product upkeep-bench >/dev/null)
  fi
  if [ ! -d "$root/bench-data/fleet-10000" ]; then "$root/.build/release/upkeep-bench" --upkeep "$root/.build/release/upkeep" --work "$root/bench-data" >/dev/null; fi
  "$tree/.build/release/upkeep" plan "$root/bench-data/fleet-10000" --as-of 2024-07-01 --format json -o "$work/$side-bench.json" || [ $? -eq 3 ]
  for date in 2024-03-01 2024-07-01 2024-11-15 2025-06-01 2025-11-17; do
    mkdir -p "$work/$side-examples"
    (cd "$root" && "$tree/.build/release/upkeep" plan releases schedules examples/fleet.yaml --as-of $date --format json -o "$work/$side-examples/$date.json") || [ $? -eq 3 ]
  done
done
# Every comparison runs; the script fails when any of them differs.
status=0
echo "== the test fleets"; python3 "$root/Tests/tools/compare_plans.py" "$work/base-fleets" "$work/head-fleets" --ignore "$@" || status=1
echo "== the examples"; python3 "$root/Tests/tools/compare_plans.py" "$work/base-examples" "$work/head-examples" --ignore "$@" || status=1
echo "== the benchmark fleet"; python3 "$root/Tests/tools/compare_plans.py" "$work/base-bench.json" "$work/head-bench.json" --ignore "$@" || status=1
exit $status
