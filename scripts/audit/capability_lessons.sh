#!/usr/bin/env bash
# How many golden-lesson cells print PyTorch's output at this CPU's own capability (no
# ATEN_CPU_CAPABILITY / ONEDNN_MAX_CPU_ISA pin): copies the lesson folders of Tests/TorchTests,
# refills their output blocks with real PyTorch here (torch_golden.py, a few minutes), then
# checks them with gradbook under the same environment. Never run in CI (needs PyTorch).
#   scripts/audit/capability_lessons.sh [GRADBOOK] [FOLDER...]
# Default folders: NNLessons AutogradLessons DoubleBackwardLessons.
set -euo pipefail
cd "$(dirname "$0")/../.."
gradbook=$(realpath "${1:-.build/debug/gradbook}"); shift || true
folders=("$@"); [ ${#folders[@]} -eq 0 ] && folders=(NNLessons AutogradLessons DoubleBackwardLessons)
py=${TORCH_PYTHON:-$HOME/torch-venv/bin/python}
golden=${TORCH_GOLDEN:-../shared/tools/torch_golden.py}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for f in "${folders[@]}"; do cp -r "Tests/TorchTests/$f" "$work/"; done
grep -o 'avx512[a-z]*' /proc/cpuinfo | sort -u | tr '\n' ' '; echo
"$py" -c "import torch; print('PyTorch', torch.__version__, torch.backends.cpu.get_cpu_capability(), torch.get_num_threads(), 'threads')"
(cd "$work" && for l in */*.md; do timeout 300 "$py" "$OLDPWD/$golden" "$l" > /dev/null 2>&1 || echo "torch_golden failed: $l"; done)
(cd "$work" && "$gradbook" check . 2>&1 | grep -E "output differs|passed, .* failed" | sed -E "s/:[0-9]+: output differs//" | sort | uniq -c | sort -rn)
