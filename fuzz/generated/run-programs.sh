#!/bin/bash
# The generated-program campaign without libFuzzer: N programs from ProgramGenerator
# (seeded bytes), each run by `gradbook exec --timeout 2`; a status of 124 (stuck in native
# code past the limit) or a crash is recorded in results.txt.
#   fuzz/generated/run-programs.sh SEED COUNT [GRADBOOK]
set -u
cd "$(dirname "$0")/../.."
seed=${1:-1}; count=${2:-3000}; gradbook=${3:-.build/debug/gradbook}
work=.build-fuzz/generated; mkdir -p "$work/progs"
swiftc -O fuzz/Targets/FuzzInterpreter/ProgramGenerator.swift fuzz/generated/gen-main.swift -o "$work/gen" || exit 2
"$work/gen" "$seed" "$count" "$work/progs"
ran=0; bad=0; : > "$work/results.txt"
for i in $(seq 0 $((count - 1))); do
  f=$work/progs/p$i.py
  timeout 30 "$gradbook" exec --timeout 2 "$f" > /dev/null 2> "$work/err.txt"; rc=$?
  ran=$((ran + 1))
  if [ $rc -ge 124 ] || grep -q "crashed\|Fatal error" "$work/err.txt"; then
    bad=$((bad + 1)); echo "$f rc=$rc $(tail -1 "$work/err.txt" | cut -c1-200)" >> "$work/results.txt"
  fi
done
echo "programs=$ran findings=$bad (see $work/results.txt)"
