# Body of scripts/surface-coverage.sh (NAMES and SHOW_MISSING are put above it):
# counts, per namespace, the names that exist in gradbook's torch.
import torch

def namespace(name):
    if name == "torch":
        return torch
    if name == "torch.Tensor":
        return torch.Tensor
    try:
        module = __import__(name)
        for part in name.split(".")[1:]:
            module = getattr(module, part)
        return module
    except (ImportError, AttributeError):
        return None

order = []
found = {}
total = {}
missing = {}
for ns, name in NAMES:
    if ns not in total:
        order.append(ns)
        total[ns] = 0
        found[ns] = 0
        missing[ns] = []
    total[ns] += 1
    target = namespace(ns)
    if target is not None and hasattr(target, name):
        found[ns] += 1
    else:
        missing[ns].append(name)

all_found = 0
all_total = 0
for ns in order:
    all_found += found[ns]
    all_total += total[ns]
    print(f"{ns:<20} {found[ns]:>4}/{total[ns]:<4} {100 * found[ns] / total[ns]:5.1f}%")
    if SHOW_MISSING and missing[ns]:
        print("    missing: " + " ".join(missing[ns]))
print(f"{'all':<20} {all_found:>4}/{all_total:<4} {100 * all_found / all_total:5.1f}%")
