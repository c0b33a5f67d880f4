"""Writes Sources/Torch/Runtime/KeywordTable+Data.swift: the parameter names PyTorch 2.15
gives every `torch.*` function and `torch.Tensor` method of docs/api/torch-2.15-surface.txt,
and how PyTorch reports an unknown keyword for each. Run with ~/torch-venv/bin/python from
the repository root; never run by tests (the output is committed).

Line format (tab-separated): kind (F = torch function, M = Tensor method), name, style,
positional parameters as name:position (space-separated, `self` left out), keyword-only
names, PyTorch's overload listing for "invalid combination" errors (newlines as \\n; empty
when one), and for one-signature native functions the positional parameters without a
default (PyTorch reports a missing one before an unknown keyword).
Styles: `native` (PyTorch's argument parser), `noargs:QUALNAME` (a C method without
parameters; CPython's message names QUALNAME, `TensorBase.exp`),
`python:QUALNAME` (a Python function; CPython's message names QUALNAME).
"""
import inspect, re, sys, types
import torch

surface = [l.split() for l in open('docs/api/torch-2.15-surface.txt') if not l.startswith('#') and l.strip()]
overrides = torch.overrides.get_testing_overrides()
BOGUS = {f'zz{i}': 1 for i in range(40)}
x = torch.ones(2, 2)

def doc_params(doc, name):
    """Parameter lists of every `name(...)` signature line of a docstring."""
    out = []
    for m in re.finditer(r'^\s*(?:torch\.|Tensor\.)?' + re.escape(name) + r'\((.*?)\)\s*(?:->|$)', doc or '', re.M):
        out.append(split_params(m.group(1), typed=False))
    return out

def split_params(text, typed):
    global last_required
    pos, kw, star, req = [], [], False, []
    depth, cur, parts = 0, '', []
    for ch in text:
        if ch in '([{': depth += 1
        if ch in ')]}': depth -= 1
        if ch == ',' and depth == 0: parts.append(cur); cur = ''
        else: cur += ch
    parts.append(cur)
    for p in parts:
        p = p.strip()
        if not p or p == '/': continue
        if p == '*': star = True; continue
        if p.startswith('*'): star = True; p = p.lstrip('*')
        has_default = '=' in p
        p = p.split('=')[0].strip()
        if typed:  # `tuple of ints dim`: the name is the last word
            p = p.split()[-1] if p.split() else p
        else:      # `data: Any`: the name comes before the annotation
            p = p.split(':')[0].strip()
        if not re.match(r'^[A-Za-z_]\w*$', p) or p == 'self': continue
        (kw if star else pos).append(p)
        if not star and not has_default: req.append(p)
    last_required = req
    return pos, kw

def last_required_of(doc, name):
    doc_params(doc, name)
    m = re.search(r'^\s*(?:torch\.|Tensor\.)?' + re.escape(name) + r'\((.*?)\)\s*(?:->|$)', doc or '', re.M)
    split_params(m.group(1), typed=False)
    return last_required

def probe_required(f, name, kind):
    """The leading required parameters PyTorch reports missing before an unknown keyword:
    call with only a bogus keyword (then with a tensor first, for functions)."""
    required = []
    for given in ([], [x]) if kind == 'F' else ([],):
        if len(given) != len(required): break
        try:
            f(*given, zzbogus=1) if kind == 'F' else getattr(x, name)(*given, zzbogus=1)
        except TypeError as e:
            m = re.match(r'^\w+\(\) missing 1 required positional arguments: "(\w+)"$', str(e))
            if m:
                required.append(m.group(1))
            elif kind == 'F' and not given and 'unrecognized keyword arguments' in str(e):
                required.append('input')  # one visible overload (`torch.add`): its input comes first
            else:
                break
        except Exception:
            break
    return required

rows = []
for space, name in surface:
    if space not in ('torch', 'torch.Tensor'): continue
    owner = torch if space == 'torch' else torch.Tensor
    f = getattr(owner, name, None)
    if f is None or isinstance(f, type) or not callable(f) or isinstance(f, property): continue
    kind = 'F' if space == 'torch' else 'M'
    lists, listing, style, required = [], '', 'native', []
    if isinstance(f, (types.FunctionType, types.MethodType)) or (hasattr(f, '__wrapped__') and inspect.isfunction(inspect.unwrap(f))):
        try:
            sig = inspect.signature(f)
        except (TypeError, ValueError):
            continue
        pos = [p.name for p in sig.parameters.values() if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD) and p.name != 'self']
        kw = [p.name for p in sig.parameters.values() if p.kind == p.KEYWORD_ONLY]
        if any(p.kind == p.VAR_KEYWORD for p in sig.parameters.values()): continue  # takes any keyword
        lists.append((pos, kw))
        style = 'python:' + inspect.unwrap(f).__qualname__
    else:
        try:
            (f(**BOGUS) if kind == 'F' else getattr(x, name)(**BOGUS))
            continue
        except TypeError as e:
            msg = str(e)
        except Exception:
            msg = ''
        if 'takes no keyword arguments' in msg:
            # CPython names the class that defines the method (`TensorBase.exp`) for a
            # plain call; `x.exp(**kw)` (used by this probe) names `Tensor.exp` instead.
            style = 'noargs:' + (msg.split('()')[0].replace('Tensor.', 'TensorBase.') if kind == 'M' else msg.split('()')[0]); lists.append(([], []))
        elif 'but expected one of:\n' in msg:
            listing = msg.split('but expected one of:\n', 1)[1]
            for line in listing.splitlines():
                m = re.match(r'^ \* \((.*)\)$', line)
                if m: lists.append(split_params(m.group(1), typed=True))
        else:
            # One signature: its names come from the docstring, else from the testing
            # overrides' lambda (which may list `out` positionally).
            # Docstrings sometimes use other names (`cholesky_inverse(L)` takes `input`):
            # the names PyTorch reports missing come first, and the overrides' names are
            # accepted too (as keywords only where a docstring gave positions).
            required = probe_required(f, name, kind)
            lists += doc_params(getattr(f, '__doc__', ''), name)
            if f in overrides:
                try:
                    sig = inspect.signature(overrides[f])
                    pos = [p.name for p in sig.parameters.values() if p.kind == p.POSITIONAL_OR_KEYWORD]
                    if kind == 'M': pos = pos[1:]
                    kw = [p.name for p in sig.parameters.values() if p.kind == p.KEYWORD_ONLY]
                    lists.append((pos, kw) if not lists else ([], pos + kw))
                except (TypeError, ValueError):
                    pass
            if lists and required:  # only with another source: alone it lacks `dtype=` and such
                lists.insert(0, (required, []))
        # ATen's schemas name every parameter (docstrings and overrides miss some:
        # `argmax(input, dim, keepdim)`, `index_reduce(..., include_self)`): accepted as
        # keywords (`self` is `input` for functions and the receiver for methods).
        if lists and not style.startswith('noargs'):
            schema_names = []
            for schema in torch._C._jit_get_schemas_for_operator('aten::' + name):
                # Only tensor overloads (`aten::add.str(str a, str b)` is TorchScript's).
                if not schema.arguments or 'Tensor' not in str(schema.arguments[0].type): continue
                for a in schema.arguments:
                    n = a.name if a.name != 'self' else ('input' if kind == 'F' else None)
                    if n and n not in schema_names: schema_names.append(n)
            lists.append(([], schema_names))
    # `out=` belongs to the out= machinery (never a positional, never a method keyword).
    lists = [([p for p in pos if p != 'out'], [k for k in kw if k != 'out' or kind == 'F']) for pos, kw in lists]
    if not lists: continue
    # Factory keywords PyTorch accepts through hidden overloads its docs leave out.
    if any('device' in kw for _, kw in lists):
        lists.append(([], ['layout', 'pin_memory']))
    # Methods: drop a leading `input` (the receiver) that function docstrings name.
    pos_all, kw_all = [], []
    for pos, kw in lists:
        if kind == 'M' and pos and pos[0] == 'input': pos = pos[1:]
        for p in pos:
            if p not in pos_all and p not in kw_all: pos_all.append(p)
        for k in kw:
            if k not in kw_all and k not in pos_all: kw_all.append(k)
    # Positions come from the first list naming the parameter; store as name:index.
    positions = []
    for p in pos_all:
        for pos, _ in lists:
            if kind == 'M' and pos and pos[0] == 'input': pos = pos[1:]
            if p in pos: positions.append(f'{p}:{pos.index(p)}'); break
    rows.append('\t'.join([kind, name, style, ' '.join(positions), ' '.join(kw_all), listing.replace('\\', '\\\\').replace('\n', '\\n'), ' '.join(required)]))

body = '\n'.join(rows)
assert '"""' not in body
with open('Sources/Torch/Runtime/KeywordTable+Data.swift', 'w') as fh:
    fh.write('// Generated by scripts/keywords/gen_keyword_table.py from PyTorch 2.15; do not edit.\n')
    fh.write('// Format: see that script.\n\n')
    fh.write('extension KeywordTable {\n    static let data = #"""\n' + body + '\n"""#\n}\n')
print(len(rows), 'rows', file=sys.stderr)
