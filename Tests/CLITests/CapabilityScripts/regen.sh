#!/usr/bin/env bash
# Writes NAME.CAP.expected for each script here with real PyTorch 2.15, at each CPU capability
# this machine supports (avx2 everywhere; avx512 where the CPU has AVX-512): what PyTorch
# prints with ATEN_CPU_CAPABILITY=CAP and oneDNN capped to the same ISA. Never run in CI.
#   Tests/CLITests/CapabilityScripts/regen.sh [NAME...]
set -euo pipefail
cd "$(dirname "$0")"
py=${TORCH_PYTHON:-$HOME/torch-venv/bin/python}
caps=(avx2)
grep -qw avx512bw /proc/cpuinfo && caps+=(avx512)
names=("$@"); [ ${#names[@]} -eq 0 ] && names=($(ls *.py | grep -v "^_" | sed "s/\.py$//"))
for name in "${names[@]}"; do
  for cap in "${caps[@]}"; do
    isa=AVX2; [ "$cap" = avx512 ] && isa=AVX512_CORE
    ATEN_CPU_CAPABILITY=$cap ONEDNN_MAX_CPU_ISA=$isa OMP_NUM_THREADS=2 "$py" "$name.py" > "$name.$cap.expected"
    echo "wrote $name.$cap.expected"
  done
done
