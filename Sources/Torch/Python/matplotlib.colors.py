# matplotlib.colors (Gradbook): colormaps by name, ListedColormap, to_hex.
from matplotlib import _backend


class Colormap:
    def __init__(self, name, N=256):
        self.name = name
        self.N = N

    def reversed(self):
        if self.name.endswith('_r'):
            return Colormap(self.name[:-2], self.N)
        return Colormap(self.name + '_r', self.N)

    def __repr__(self):
        return '<matplotlib.colors.Colormap object>'


class ListedColormap(Colormap):
    def __init__(self, colors, name='from_list', N=None):
        if isinstance(colors, str):
            colors = [colors]
        self.colors = list(colors)
        hexes = [_backend.color(c)[:7] for c in self.colors]
        Colormap.__init__(self, 'listed:' + ','.join(hexes), len(hexes))
        self._given_name = name

    def __repr__(self):
        return '<matplotlib.colors.ListedColormap object>'


def to_hex(c, keep_alpha=False):
    h = _backend.color(c)
    return h if keep_alpha else h[:7]


def is_color_like(c):
    return _backend.is_color(c)


def _cmap_name(cmap):
    if cmap is None:
        return 'viridis'
    if isinstance(cmap, Colormap):
        return cmap.name
    if isinstance(cmap, str) and _backend.is_colormap(cmap) and not cmap.startswith('listed:'):
        return cmap
    names = ', '.join([repr(n) for n in _backend.colormap_names()])
    raise ValueError(repr(cmap) + ' is not a valid value for cmap; supported values are ' + names)
