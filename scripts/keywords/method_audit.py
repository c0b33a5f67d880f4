"""Keyword audit for Tensor methods: for each torch.Tensor method of the surface list, find
receiver/argument values PyTorch accepts positionally, then write a probe that calls
`x.method(name=value, ...)` with the parameter names of KeywordTable+Data.swift, plus one
call with an unknown keyword. Run with ~/torch-venv/bin/python from the repository root;
run the probe with PyTorch and with `gradbook exec` and diff the two outputs."""
import torch, sys
rows = [l.split('\t') for l in open('Sources/Torch/Runtime/KeywordTable+Data.swift') if l[:2] == 'M\t']
recv = ["torch.rand(3,4)", "torch.rand(3,3)", "torch.rand(4)", "torch.tensor([3,1,2,5])", "torch.tensor([True,False,True])"]
args = ["", "torch.rand(3,4)", "0", "1", "2.0", "torch.rand(3,4), torch.rand(3,4)", "torch.rand(3,3)", "torch.rand(3)",
        "torch.tensor([1,2,2,3])", "torch.rand(3,4)>0.5", "(3,4)", "0, 1", "1, True", "torch.tensor([0,2])", "0, torch.tensor([0,2])",
        "torch.rand(4)", "(4,3)", "12", "2, 1"]
lines = []
for kind, name, style, positions, kwonly, *_ in rows:
    if style == 'noargs' or name.endswith('_') and name not in ('add_',): pass
    pos = sorted(((int(p.split(':')[1]), p.split(':')[0]) for p in positions.split()), key=lambda t: t[0])
    names = {}
    for i, n in pos: names.setdefault(i, n)
    done = False
    for r in recv:
        for a in args:
            try:
                torch.manual_seed(0); x = eval(r); v = eval("(" + a + ",)") if a else ()
                if len(v) > len(names) or any(i not in names for i in range(len(v))): continue
                getattr(x, name)(*v)
                torch.manual_seed(0); x = eval(r); v = eval("(" + a + ",)") if a else ()
                kw = ", ".join(f"{names[i]}=v[{i}]" for i in range(len(v)))
                eval(f"x.{name}({kw})")
                lines.append((name, r, a, kw)); done = True; break
            except Exception:
                continue
        if done: break
with open('/tmp/kwargs-method-probe.py', 'w') as fh:
    fh.write("import torch\n")
    for name, r, a, kw in lines:
        fh.write(f"""
try:
    torch.manual_seed(0)
    x = {r}
    v = ({a}{',' if a else ''})
    r = x.{name}({kw})
    print({name!r}, {kw!r}, type(r).__name__, r if not isinstance(r, torch.Tensor) or r.numel() < 20 else r.sum())
except Exception as e:
    print({name!r}, {kw!r}, 'EXC', type(e).__name__, str(e)[:200])
try:
    x = {r}
    v = ({a}{',' if a else ''})
    x.{name}(*v, zzunknown=1)
    print({name!r}, 'unknown keyword accepted')
except Exception as e:
    print({name!r}, 'zzunknown', type(e).__name__, str(e)[:300].replace(chr(10), '|'))
""")
print(len(lines), file=sys.stderr)
