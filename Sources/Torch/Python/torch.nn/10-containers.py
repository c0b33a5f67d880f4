# torch.nn — part 1: containers that hold other modules.


def _checked_index(idx, size):
    if not (-size <= idx < size):
        raise IndexError(f"index {idx} is out of range")
    return idx % size


class Sequential(Module):
    """Runs its modules one after another; children are named "0", "1", ..."""

    def __init__(self, *args):
        super().__init__()
        if len(args) == 1 and isinstance(args[0], (OrderedDict, dict)):
            for key, module in args[0].items():
                self.add_module(key, module)
        else:
            for idx, module in enumerate(args):
                self.add_module(str(idx), module)

    def __getitem__(self, idx):
        if isinstance(idx, int):
            keys = list(self._modules.keys())
            return self._modules[keys[_checked_index(idx, len(keys))]]
        # A slice keeps the original names, as PyTorch's does.
        return Sequential(OrderedDict(list(self._modules.items())[idx]))

    def __setitem__(self, idx, module):
        keys = list(self._modules.keys())
        self.add_module(keys[_checked_index(idx, len(keys))], module)

    def __delitem__(self, idx):
        keys = list(self._modules.keys())
        if isinstance(idx, int):
            del self._modules[keys[_checked_index(idx, len(keys))]]
        else:
            for key in keys[idx]:
                del self._modules[key]
        # Renumber so that names stay "0", "1", ... like PyTorch.
        modules = list(self._modules.values())
        object.__setattr__(self, "_modules", {})
        for i, module in enumerate(modules):
            self._modules[str(i)] = module

    def __len__(self):
        return len(self._modules)

    def __iter__(self):
        return iter(list(self._modules.values()))

    def append(self, module):
        self.add_module(str(len(self)), module)
        return self

    def extend(self, modules):
        for module in modules:
            self.append(module)
        return self

    def insert(self, index, module):
        n = len(self._modules)
        if not (-n <= index <= n):
            raise IndexError(f"Index out of range: {index}")
        if index < 0:
            index += n
        for i in range(n, index, -1):
            self._modules[str(i)] = self._modules[str(i - 1)]
        self._modules[str(index)] = module
        return self

    def forward(self, input):
        for module in self:
            input = module(input)
        return input


class ModuleList(Module):
    """A list of modules whose parameters the parent module sees."""

    def __init__(self, modules=None):
        super().__init__()
        if modules is not None:
            self.extend(modules)

    def __getitem__(self, idx):
        if isinstance(idx, int):
            keys = list(self._modules.keys())
            return self._modules[keys[_checked_index(idx, len(keys))]]
        return ModuleList(list(self._modules.values())[idx])

    def __setitem__(self, idx, module):
        keys = list(self._modules.keys())
        self.add_module(keys[_checked_index(idx, len(keys))], module)

    def __len__(self):
        return len(self._modules)

    def __iter__(self):
        return iter(list(self._modules.values()))

    def __iadd__(self, modules):
        return self.extend(modules)

    def append(self, module):
        self.add_module(str(len(self)), module)
        return self

    def extend(self, modules):
        offset = len(self)
        for i, module in enumerate(modules):
            self.add_module(str(offset + i), module)
        return self

    def insert(self, index, module):
        modules = list(self._modules.values())
        modules.insert(index, module)
        object.__setattr__(self, "_modules", {})
        for i, m in enumerate(modules):
            self._modules[str(i)] = m

    def __repr__(self):
        # Runs of identical children print once, as "(0-2): 3 x Linear(...)".
        reprs = [repr(m) for m in self]
        if not reprs:
            return self._get_name() + "()"
        blocks = []
        for i, r in enumerate(reprs):
            if blocks and blocks[-1][2] == r:
                blocks[-1][1] = i
            else:
                blocks.append([i, i, r])
        lines = []
        for start, end, r in blocks:
            if start == end:
                line = f"({start}): {r}"
            else:
                line = f"({start}-{end}): {end - start + 1} x {r}"
            lines.append(_addindent(line, 2))
        return self._get_name() + "(\n  " + "\n  ".join(lines) + "\n)"


class ModuleDict(Module):
    """A dict of modules whose parameters the parent module sees."""

    def __init__(self, modules=None):
        super().__init__()
        if modules is not None:
            self.update(modules)

    def __getitem__(self, key):
        return self._modules[key]

    def __setitem__(self, key, module):
        self.add_module(key, module)

    def __delitem__(self, key):
        del self._modules[key]

    def __len__(self):
        return len(self._modules)

    def __iter__(self):
        return iter(list(self._modules.keys()))

    def __contains__(self, key):
        return key in self._modules

    def keys(self):
        return self._modules.keys()

    def values(self):
        return self._modules.values()

    def items(self):
        return self._modules.items()

    def pop(self, key):
        module = self._modules[key]
        del self._modules[key]
        return module

    def clear(self):
        object.__setattr__(self, "_modules", {})

    def update(self, modules):
        if hasattr(modules, "items"):
            modules = modules.items()
        for key, module in modules:
            self[key] = module
