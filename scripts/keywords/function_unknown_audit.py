"""Unknown-keyword audit for torch functions: from a keyword probe (the lead's
/work/notes/kwaudit/probe.py, made by its gen.py), writes /tmp/kwargs-fn-unknown.py calling
each function with its positional arguments plus `zzunknown=1`. Run that with PyTorch and
with `gradbook exec` and diff the two outputs."""
import re, sys
src = open(sys.argv[1] if len(sys.argv) > 1 else '/work/notes/kwaudit/probe.py').read()
blocks = re.findall(r"    a = \((.*?)\)\n    r = torch\.(\w+)\(", src)
out = ["import torch"]
for a, n in blocks:
    out.append(f"""
try:
    torch.manual_seed(0)
    a = ({a})
    torch.{n}(*a, zzunknown=1)
    print({n!r}, 'accepted')
except Exception as e:
    print({n!r}, type(e).__name__, str(e)[:300].replace(chr(10), '|'))""")
open('/tmp/kwargs-fn-unknown.py', 'w').write('\n'.join(out) + '\n')
print(len(blocks), file=sys.stderr)
