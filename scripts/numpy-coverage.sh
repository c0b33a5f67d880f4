#!/bin/sh
# How much of the NumPy 2.4 core list (docs/api/numpy-2.4-core.txt) the cell language's
# `numpy` has: names that exist (hasattr), and of those, names exercised by a committed
# golden (Tests/NumPyTests/Goldens/*.py and Goldens/Random/*.py, compared exactly with real NumPy's output).
# Usage: scripts/numpy-coverage.sh [path/to/gradbook]   (default .build/debug/gradbook)
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
bin=${1:-$root/.build/debug/gradbook}
list=$root/docs/api/numpy-2.4-core.txt
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
{
  echo "import numpy, numpy.linalg"
  grep -v '^#' "$list" | while read -r ns name; do
    [ -z "$ns" ] && continue
    case "$ns" in
      numpy.ndarray) echo "print('$ns $name', hasattr(numpy.ndarray, '$name'))" ;;
      numpy.linalg) echo "print('$ns $name', hasattr(numpy.linalg, '$name'))" ;;
      numpy.random) echo "try:
    import numpy.random
    print('$ns $name', hasattr(numpy.random, '$name'))
except Exception:
    print('$ns $name', False)" ;;
      *) echo "print('$ns $name', hasattr(numpy, '$name'))" ;;
    esac
  done
} > "$tmp/probe.py"
"$bin" exec "$tmp/probe.py" > "$tmp/has.txt" 2>"$tmp/err.txt" || cat "$tmp/err.txt" >&2
total=$(grep -vc '^#' "$list")
present=$(grep -c ' True$' "$tmp/has.txt" || true)
golden=0
missing=""
for g in $(grep ' True$' "$tmp/has.txt" | awk '{print $2}'); do
  if grep -qE "(np\.|linalg\.|\.)$g\b" "$root"/Tests/NumPyTests/Goldens/*.py "$root"/Tests/NumPyTests/Goldens/Random/*.py; then
    golden=$((golden + 1))
  else
    missing="$missing $g"
  fi
done
echo "names in list:        $total"
echo "present (hasattr):    $present"
echo "present with goldens: $golden"
echo "absent:$(grep ' False$' "$tmp/has.txt" | awk '{printf " %s.%s", $1, $2}')"
echo "present without a golden:$missing"
