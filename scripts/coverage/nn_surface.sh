#!/bin/sh
# Counts which names of the module side of the PyTorch 2.15 surface list (torch.nn,
# torch.nn.functional, torch.autograd(.functional), torch.func, torch.optim(.lr_scheduler),
# torch.nn.utils(.rnn), torch.nn.init, torch.utils.data) a built gradbook has, by asking
# it with `gradbook exec`. Usage: scripts/coverage/nn_surface.sh [GRADBOOK] [SURFACE] [-v]
GRADBOOK=${1:-.build/debug/gradbook}
SURFACE=${2:-../shared/api/torch-2.15-surface.txt}
VERBOSE=${3:-}
script=$(mktemp /tmp/nn_surface.XXXXXX.py)
{
  echo "import torch"
  for ns in nn nn.functional nn.init nn.utils nn.utils.rnn optim optim.lr_scheduler autograd autograd.functional func utils.data; do
    echo "try:\n    import torch.$ns\nexcept Exception:\n    pass"
  done
  echo "names = ["
  grep -E '^torch\.(nn|nn\.functional|autograd|autograd\.functional|func|optim|optim\.lr_scheduler|nn\.utils|nn\.utils\.rnn|nn\.init|utils\.data) ' "$SURFACE" |
    awk '{printf "    (\"%s\", \"%s\"),\n", $1, $2}'
  echo "]"
  cat <<'PY'
counts = {}
missing = []
for ns, name in names:
    have = False
    try:
        m = torch
        for part in ns.split(".")[1:]:
            m = getattr(m, part)
        have = hasattr(m, name)
    except Exception:
        have = False
    c = counts.get(ns, [0, 0])
    c[1] += 1
    if have:
        c[0] += 1
    else:
        missing.append(ns + " " + name)
    counts[ns] = c
total = [0, 0]
for ns in sorted(counts):
    print(ns, str(counts[ns][0]) + "/" + str(counts[ns][1]))
    total[0] += counts[ns][0]
    total[1] += counts[ns][1]
print("total", str(total[0]) + "/" + str(total[1]))
PY
  if [ "$VERBOSE" = "-v" ]; then echo 'print("missing:", " | ".join(missing))'; fi
} > "$script"
"$GRADBOOK" exec "$script"
rm -f "$script"
