#!/bin/sh
# Prints the share of PyTorch 2.15's tensor-side public names (docs/api/torch-2.15-surface.txt)
# that the built gradbook has, per namespace: it asks gradbook itself (`gradbook exec`),
# so a name counts only when the running `torch` module really binds it.
# Usage: scripts/surface-coverage.sh [--missing] [path/to/gradbook]
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
missing=0
if [ "${1:-}" = "--missing" ]; then missing=1; shift; fi
gradbook=${1:-$root/.build/debug/gradbook}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM
{
    echo "SHOW_MISSING = $missing"
    echo "NAMES = ["
    awk '!/^#/ && NF == 2 && ($1 == "torch" || $1 == "torch.Tensor" || $1 == "torch.linalg" || $1 == "torch.fft" || $1 == "torch.special" || $1 == "torch.random" || $1 == "torch.distributions") { printf "    (\"%s\", \"%s\"),\n", $1, $2 }' \
        "$root/docs/api/torch-2.15-surface.txt"
    echo "]"
    cat "$root/scripts/surface_coverage.py"
} > "$work/coverage.py"
"$gradbook" exec "$work/coverage.py"
