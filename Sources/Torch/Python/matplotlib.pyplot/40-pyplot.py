def figure(num=None, figsize=None, dpi=None, **kwargs):
    if num is not None:
        for fig in _backend.figures():
            if fig.number == num:
                _backend.make_current(fig)
                return fig
    fig = Figure(figsize)
    fig.number = num if isinstance(num, int) else len(_backend.figures()) + 1
    _backend.opened(fig)
    return fig


def gcf():
    figures = _backend.figures()
    if len(figures) == 0:
        return figure()
    return figures[-1]


def gca():
    return gcf().gca()


def sca(ax):
    _backend.make_current(ax.figure)
    ax.figure.sca(ax)


def subplots(nrows=1, ncols=1, figsize=None, sharex=False, sharey=False, squeeze=True, **kwargs):
    fig = figure(figsize=figsize)
    return fig, fig.subplots(nrows, ncols, squeeze=squeeze)


def subplot(*args, **kwargs):
    return gcf().add_subplot(*args)


def get_fignums():
    return [fig.number for fig in _backend.figures()]


def show(*args, **kwargs):
    _backend.show()


def close(fig=None):
    if isinstance(fig, str) and fig == 'all':
        _backend.close_all()
        return
    figures = _backend.figures()
    if fig is None:
        if len(figures) > 0:
            _backend.close(figures[-1])
        return
    if isinstance(fig, int):
        for f in figures:
            if f.number == fig:
                _backend.close(f)
        return
    _backend.close(fig)


def clf():
    gcf().clf()


def cla():
    gca().cla()


def savefig(fname, **kwargs):
    gcf().savefig(fname, **kwargs)


def tight_layout(**kwargs):
    gcf().tight_layout()


def suptitle(t, **kwargs):
    return gcf().suptitle(t)


def colorbar(mappable=None, ax=None, label=None, **kwargs):
    return gcf().colorbar(mappable, ax=ax, label=label)


def plot(*args, **kwargs):
    return gca().plot(*args, **kwargs)


def scatter(*args, **kwargs):
    return gca().scatter(*args, **kwargs)


def bar(*args, **kwargs):
    return gca().bar(*args, **kwargs)


def barh(*args, **kwargs):
    return gca().barh(*args, **kwargs)


def hist(*args, **kwargs):
    return gca().hist(*args, **kwargs)


def imshow(*args, **kwargs):
    return gca().imshow(*args, **kwargs)


def contour(*args, **kwargs):
    return gca().contour(*args, **kwargs)


def contourf(*args, **kwargs):
    return gca().contourf(*args, **kwargs)


def axhline(*args, **kwargs):
    return gca().axhline(*args, **kwargs)


def axvline(*args, **kwargs):
    return gca().axvline(*args, **kwargs)


def fill_between(*args, **kwargs):
    return gca().fill_between(*args, **kwargs)


def errorbar(*args, **kwargs):
    return gca().errorbar(*args, **kwargs)


def text(*args, **kwargs):
    return gca().text(*args, **kwargs)


def annotate(*args, **kwargs):
    return gca().annotate(*args, **kwargs)


def title(label, **kwargs):
    return gca().set_title(label, **kwargs)


def xlabel(label, **kwargs):
    return gca().set_xlabel(label, **kwargs)


def ylabel(label, **kwargs):
    return gca().set_ylabel(label, **kwargs)


def legend(*args, **kwargs):
    return gca().legend(*args, **kwargs)


def grid(visible=None, **kwargs):
    return gca().grid(visible, **kwargs)


def axis(*args, **kwargs):
    return gca().axis(*args, **kwargs)


def xlim(*args, **kwargs):
    ax = gca()
    if len(args) == 0 and len(kwargs) == 0:
        return ax.get_xlim()
    return ax.set_xlim(*args, **kwargs)


def ylim(*args, **kwargs):
    ax = gca()
    if len(args) == 0 and len(kwargs) == 0:
        return ax.get_ylim()
    return ax.set_ylim(*args, **kwargs)


def xscale(value, **kwargs):
    gca().set_xscale(value)


def yscale(value, **kwargs):
    gca().set_yscale(value)


def xticks(ticks=None, labels=None, **kwargs):
    if ticks is not None:
        gca().set_xticks(ticks, labels)


def yticks(ticks=None, labels=None, **kwargs):
    if ticks is not None:
        gca().set_yticks(ticks, labels)


def get_cmap(name=None, lut=None):
    return Colormap(_cmap_name(name))


class _ColormapRegistry:
    # plt.cm.viridis, plt.cm.RdBu, ...
    def __getattr__(self, name):
        if _backend.is_colormap(name) and not name.startswith('listed:'):
            return Colormap(name)
        raise AttributeError("module 'matplotlib.cm' has no attribute " + repr(name))

    def get_cmap(self, name=None):
        return get_cmap(name)


cm = _ColormapRegistry()
