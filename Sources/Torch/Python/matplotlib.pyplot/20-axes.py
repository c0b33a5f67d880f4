class Axes:
    def __init__(self, figure, row=0, column=0):
        self.figure = figure
        self.transAxes = _AxesTransform()
        self._lines = 0
        self._patches = 0
        self._d = {'row': row, 'column': column, 'title': None, 'xlabel': None, 'ylabel': None,
                   'xlim': {}, 'ylim': {}, 'xscale': 'linear', 'yscale': 'linear',
                   'xticks': None, 'yticks': None, 'grid': False, 'axisOff': False,
                   'legend': None, 'artists': [], 'colorbar': None}

    def __repr__(self):
        return '<Axes: >'

    def _next_line_color(self):
        c = _CYCLE[self._lines % 10]
        self._lines += 1
        return c

    def _next_patch_color(self):
        c = _CYCLE[self._patches % 10]
        self._patches += 1
        return c

    def _add(self, spec, cls, *extra):
        self._d['artists'].append(spec)
        return cls(self, len(self._d['artists']) - 1, *extra)

    # Lines and markers

    def plot(self, *args, **kwargs):
        if len(args) == 0:
            return []
        groups = []
        i = 0
        while i < len(args):
            if i + 1 < len(args) and not isinstance(args[i + 1], str):
                x = args[i]
                y = args[i + 1]
                i += 2
            else:
                x = None
                y = args[i]
                i += 1
            fmt = ''
            if i < len(args) and isinstance(args[i], str):
                fmt = args[i]
                i += 1
            groups.append((x, y, fmt))
        lines = []
        for x, y, fmt in groups:
            lines += self._plot_group(x, y, fmt, kwargs)
        return lines

    def _plot_group(self, x, y, fmt, kwargs):
        yv, yshape = _array(y)
        if len(yshape) == 0:
            yshape = (1,)
        if x is None:
            xv = [float(i) for i in range(yshape[0])]
            xshape = (yshape[0],)
        else:
            xv, xshape = _array(x)
            if len(xshape) == 0:
                xshape = (1,)
        if xshape[0] != yshape[0]:
            raise ValueError('x and y must have same first dimension, but have shapes '
                             + str(tuple(xshape)) + ' and ' + str(tuple(yshape)))
        linestyle, marker, fmt_color = _parse_fmt(fmt)
        ys = _columns(yv, yshape)
        xs = _columns(xv, xshape)
        label = kwargs.get('label')
        lines = []
        for k in range(max(len(xs), len(ys))):
            color = kwargs.get('color', kwargs.get('c'))
            color = _color(color) if color is not None else fmt_color
            if color is None:
                color = self._next_line_color()
            style = linestyle
            if 'linestyle' in kwargs or 'ls' in kwargs:
                style = _linestyle(kwargs.get('linestyle', kwargs.get('ls')))
            mk = kwargs.get('marker', marker)
            if mk == 'None' or mk == '':
                mk = None
            if mk is not None and mk not in _MARKERS:
                raise ValueError('Unrecognized marker style ' + repr(mk))
            if mk is not None and fmt == '' and 'linestyle' not in kwargs and 'ls' not in kwargs:
                style = '-'
            width = kwargs.get('linewidth', kwargs.get('lw', 1.5))
            size = kwargs.get('markersize', kwargs.get('ms', 6.0))
            this_label = label
            if isinstance(label, (list, tuple)):
                this_label = label[k] if k < len(label) else None
            spec = {'kind': 'line', 'x': xs[k % len(xs)], 'y': ys[k % len(ys)],
                    'stroke': _stroke(color, width, style, mk, size, kwargs.get('alpha')),
                    'label': _label(this_label)}
            lines.append(self._add(spec, Line2D))
        return lines

    def scatter(self, x, y, s=None, c=None, marker='o', cmap=None, vmin=None, vmax=None,
                alpha=None, label=None, edgecolors=None, color=None, **kwargs):
        xv = _numbers(x)
        yv = _numbers(y)
        if len(xv) != len(yv):
            raise ValueError('x and y must be the same size')
        sizes = [36.0] if s is None else _numbers(s)
        values = None
        fill = None
        if color is not None:
            fill = _color(color)
        elif c is not None:
            if isinstance(c, str) or (isinstance(c, tuple) and len(c) in (3, 4) and _backend.is_color(c)):
                fill = _color(c)
            else:
                values = _numbers(c)
                if len(values) != len(xv):
                    raise ValueError("'c' argument has " + str(len(values)) + ' elements, which is inconsistent '
                                     + "with 'x' and 'y' with size " + str(len(xv)) + '.')
        if fill is None:
            fill = self._next_patch_color()
        if marker not in _MARKERS:
            raise ValueError('Unrecognized marker style ' + repr(marker))
        spec = {'kind': 'scatter', 'x': xv, 'y': yv, 'sizes': sizes, 'color': fill, 'values': values,
                'colormap': _cmap_name(cmap), 'vmin': vmin, 'vmax': vmax, 'marker': marker,
                'alpha': 1.0 if alpha is None else float(alpha),
                'edgeColor': None if edgecolors is None or edgecolors == 'face' or edgecolors == 'none' else _color(edgecolors),
                'label': _label(label)}
        return self._add(spec, PathCollection)

    def errorbar(self, x, y, yerr=None, xerr=None, fmt='', color=None, capsize=None, label=None,
                 ecolor=None, elinewidth=None, alpha=None, marker=None, linestyle=None, ls=None, **kwargs):
        xv = _numbers(x)
        yv = _numbers(y)
        n = len(xv)
        linestyle_f, marker_f, fmt_color = _parse_fmt(fmt)
        if fmt == 'none':
            linestyle_f = ''
        c = _color(color) if color is not None else fmt_color
        if c is None:
            c = self._next_line_color()
        if linestyle is not None or ls is not None:
            linestyle_f = _linestyle(linestyle if linestyle is not None else ls)
        spec = {'kind': 'errorBar', 'x': xv, 'y': yv,
                'stroke': _stroke(c, 1.5, linestyle_f, marker if marker is not None else marker_f, 6.0, alpha),
                'capSize': 0.0 if capsize is None else float(capsize), 'label': _label(label)}
        for name, err in (('y', yerr), ('x', xerr)):
            if err is None:
                continue
            values, shape = _array(err)
            if len(shape) == 2 and shape[0] == 2:
                below = values[0:shape[1]]
                above = values[shape[1]:]
            else:
                below = _broadcast(err, n, name + 'err')
                above = below
            spec[name + 'errBelow'] = below
            spec[name + 'errAbove'] = above
        return self._add(spec, ErrorbarContainer)

    def axhline(self, y=0, xmin=0, xmax=1, color=None, linestyle='-', linewidth=1.5, label=None,
                alpha=None, ls=None, lw=None, **kwargs):
        return self._reference(False, y, xmin, xmax, color, ls if ls is not None else linestyle,
                               lw if lw is not None else linewidth, label, alpha)

    def axvline(self, x=0, ymin=0, ymax=1, color=None, linestyle='-', linewidth=1.5, label=None,
                alpha=None, ls=None, lw=None, **kwargs):
        return self._reference(True, x, ymin, ymax, color, ls if ls is not None else linestyle,
                               lw if lw is not None else linewidth, label, alpha)

    def _reference(self, vertical, value, lo, hi, color, style, width, label, alpha):
        c = _CYCLE[0] if color is None else _color(color)
        spec = {'kind': 'referenceLine', 'vertical': vertical, 'value': float(_numbers(value)[0]),
                'from': float(lo), 'to': float(hi), 'stroke': _stroke(c, width, _linestyle(style), None, 6.0, alpha),
                'label': _label(label)}
        return self._add(spec, Line2D)

    # Patches

    def bar(self, x, height, width=0.8, bottom=None, align='center', color=None, edgecolor=None,
            label=None, alpha=None, tick_label=None, **kwargs):
        return self._bars(x, height, width, bottom, align, color, edgecolor, label, alpha, False, tick_label)

    def barh(self, y, width, height=0.8, left=None, align='center', color=None, edgecolor=None,
             label=None, alpha=None, tick_label=None, **kwargs):
        return self._bars(y, width, height, left, align, color, edgecolor, label, alpha, True, tick_label)

    def _bars(self, pos, length, thickness, base, align, color, edgecolor, label, alpha, horizontal, tick_label):
        names = None
        if _is_text_list(pos):
            names = [str(p) for p in pos]
            positions = [float(i) for i in range(len(pos))]
        else:
            positions = _numbers(pos)
        n = len(positions)
        lengths = _broadcast(length, n, 'width' if horizontal else 'height')
        thick = _broadcast(thickness, n, 'height' if horizontal else 'width')
        bases = [0.0] * n if base is None else _broadcast(base, n, 'left' if horizontal else 'bottom')
        starts = []
        for i in range(n):
            starts.append(positions[i] - thick[i] / 2 if align == 'center' else positions[i])
        fill = _color(color) if color is not None and isinstance(color, str) else None
        if fill is None and color is not None:
            fill = _color(color)
        if fill is None:
            fill = self._next_patch_color()
        if horizontal:
            spec = {'kind': 'bars', 'x': bases, 'y': starts, 'width': lengths, 'height': thick}
        else:
            spec = {'kind': 'bars', 'x': starts, 'y': bases, 'width': thick, 'height': lengths}
        spec['color'] = fill
        spec['edgeColor'] = None if edgecolor is None else _color(edgecolor)
        spec['alpha'] = 1.0 if alpha is None else float(alpha)
        spec['horizontal'] = horizontal
        spec['label'] = _label(label)
        if tick_label is not None:
            names = [str(t) for t in tick_label]
        if names is not None:
            self._d['yticks' if horizontal else 'xticks'] = {'positions': positions, 'labels': names}
        return self._add(spec, BarContainer, n)

    def hist(self, x, bins=10, range=None, density=False, color=None, alpha=None, label=None,
             edgecolor=None, histtype='bar', rwidth=None, **kwargs):
        values = [v for v in _numbers(x) if v == v]
        if isinstance(bins, int):
            if range is not None:
                lo = float(range[0])
                hi = float(range[1])
            elif len(values) > 0:
                lo = min(values)
                hi = max(values)
            else:
                lo = 0.0
                hi = 1.0
            if lo == hi:
                lo = lo - 0.5
                hi = hi + 0.5
            step = (hi - lo) / bins
            edges = [lo + i * step for i in _range(bins)] + [hi]
        else:
            edges = _numbers(bins)
        nbins = len(edges) - 1
        counts = [0.0] * nbins
        for v in values:
            if v < edges[0] or v > edges[nbins]:
                continue
            k = _bin_index(edges, v)
            counts[k] += 1.0
        if density:
            total = sum(counts)
            counts = [counts[i] / (total * (edges[i + 1] - edges[i])) if total > 0 else 0.0
                      for i in _range(nbins)]
        widths = [edges[i + 1] - edges[i] for i in _range(nbins)]
        fill = self._next_patch_color() if color is None else _color(color)
        spec = {'kind': 'bars', 'x': edges[0:nbins], 'y': [0.0] * nbins, 'width': widths, 'height': counts,
                'color': fill, 'edgeColor': None if edgecolor is None else _color(edgecolor),
                'alpha': 1.0 if alpha is None else float(alpha), 'horizontal': False, 'label': _label(label)}
        container = self._add(spec, BarContainer, nbins)
        return counts, edges, container

    def fill_between(self, x, y1, y2=0, color=None, alpha=None, label=None, facecolor=None, **kwargs):
        xv = _numbers(x)
        n = len(xv)
        c = color if color is not None else facecolor
        fill = self._next_patch_color() if c is None else _color(c)
        spec = {'kind': 'band', 'x': xv, 'y1': _broadcast(y1, n, 'y1'), 'y2': _broadcast(y2, n, 'y2'),
                'color': fill, 'alpha': 1.0 if alpha is None else float(alpha), 'label': _label(label)}
        return self._add(spec, PolyCollection)

    # Images and contours

    def imshow(self, X, cmap=None, vmin=None, vmax=None, extent=None, origin=None, alpha=None,
               interpolation=None, aspect=None, **kwargs):
        values, shape = _array(X)
        if len(shape) == 3 and shape[2] in (3, 4):
            channels = shape[2]
            if any(v > 1 for v in values):
                values = [v / 255.0 for v in values]
        elif len(shape) == 2:
            channels = 1
        else:
            raise TypeError('Invalid shape ' + str(tuple(shape)) + ' for image data')
        spec = {'kind': 'image', 'rows': shape[0], 'columns': shape[1], 'channels': channels, 'values': values,
                'colormap': _cmap_name(cmap), 'vmin': vmin, 'vmax': vmax,
                'extent': None if extent is None else [float(e) for e in extent],
                'originLower': origin == 'lower', 'alpha': 1.0 if alpha is None else float(alpha)}
        return self._add(spec, AxesImage)

    def contour(self, *args, **kwargs):
        return self._contour(False, args, kwargs)

    def contourf(self, *args, **kwargs):
        return self._contour(True, args, kwargs)

    def _contour(self, filled, args, kwargs):
        levels = kwargs.get('levels')
        if len(args) in (1, 2):
            zv, zshape = _array(args[0])
            xs = [float(i) for i in _range(zshape[1])]
            ys = [float(i) for i in _range(zshape[0])]
            if len(args) == 2:
                levels = args[1]
        elif len(args) in (3, 4):
            xv, xshape = _array(args[0])
            yv, yshape = _array(args[1])
            zv, zshape = _array(args[2])
            xs = _grid_axes(xv, xshape, 'x')
            ys = _grid_axes(yv, yshape, 'y')
            if len(args) == 4:
                levels = args[3]
        else:
            raise TypeError('contour() takes from 1 to 4 positional arguments but ' + str(len(args)) + ' were given')
        if len(zshape) != 2:
            raise TypeError('Input z must be 2D, not ' + str(len(zshape)) + 'D')
        if len(xs) != zshape[1] or len(ys) != zshape[0]:
            raise TypeError('Length of x (' + str(len(xs)) + ') must match number of columns in z ('
                            + str(zshape[1]) + ')' if len(xs) != zshape[1] else
                            'Length of y (' + str(len(ys)) + ') must match number of rows in z ('
                            + str(zshape[0]) + ')')
        given, count = _levels_and_count(levels)
        colors_given = kwargs.get('colors')
        color_list = None
        if colors_given is not None:
            if isinstance(colors_given, str):
                colors_given = [colors_given]
            color_list = [_color(c) for c in colors_given]
        widths = kwargs.get('linewidths', 1.5)
        if not isinstance(widths, (int, float)):
            widths = _numbers(widths)[0]
        spec = {'kind': 'contour', 'x': xs, 'y': ys, 'z': zv, 'filled': filled, 'levels': given,
                'levelCount': count, 'colormap': _cmap_name(kwargs.get('cmap')), 'colors': color_list,
                'alpha': 1.0 if kwargs.get('alpha') is None else float(kwargs.get('alpha')),
                'lineWidth': float(widths), 'label': None}
        return self._add(spec, QuadContourSet)

    # Text

    def text(self, x, y, s, fontsize=None, color=None, ha=None, va=None, horizontalalignment=None,
             verticalalignment=None, transform=None, **kwargs):
        spec = {'kind': 'text', 'x': float(x), 'y': float(y), 'text': str(s),
                'fontSize': _fontsize(fontsize), 'color': '#000000' if color is None else _color(color),
                'horizontalAlignment': horizontalalignment or ha or 'left',
                'verticalAlignment': verticalalignment or va or 'baseline',
                'inAxesCoordinates': isinstance(transform, _AxesTransform)}
        self._d['artists'].append(spec)
        return Text(x, y, str(s), spec)

    def annotate(self, text, xy, xytext=None, arrowprops=None, fontsize=None, color=None, ha=None, va=None,
                 horizontalalignment=None, verticalalignment=None, xycoords='data', textcoords=None, **kwargs):
        at = xy if xytext is None else xytext
        spec = {'kind': 'text', 'x': float(at[0]), 'y': float(at[1]), 'text': str(text),
                'fontSize': _fontsize(fontsize), 'color': '#000000' if color is None else _color(color),
                'horizontalAlignment': horizontalalignment or ha or 'left',
                'verticalAlignment': verticalalignment or va or 'baseline',
                'inAxesCoordinates': xycoords == 'axes fraction',
                'arrowTo': None if arrowprops is None else [float(xy[0]), float(xy[1])]}
        self._d['artists'].append(spec)
        return Text(at[0], at[1], str(text), spec)

    def set_title(self, label, fontsize=None, loc=None, **kwargs):
        self._d['title'] = str(label)
        return Text(0.5, 1.0, str(label))

    def set_xlabel(self, xlabel, fontsize=None, **kwargs):
        self._d['xlabel'] = str(xlabel)
        return Text(0.5, 0, str(xlabel))

    def set_ylabel(self, ylabel, fontsize=None, **kwargs):
        self._d['ylabel'] = str(ylabel)
        return Text(0, 0.5, str(ylabel))

    def get_title(self):
        return self._d['title'] or ''

    def get_xlabel(self):
        return self._d['xlabel'] or ''

    def get_ylabel(self):
        return self._d['ylabel'] or ''

    # Limits, scales, ticks

    def set_xlim(self, left=None, right=None, **kwargs):
        return self._set_limits('xlim', left, right, kwargs.get('xmin'), kwargs.get('xmax'))

    def set_ylim(self, bottom=None, top=None, **kwargs):
        return self._set_limits('ylim', bottom, top, kwargs.get('ymin'), kwargs.get('ymax'))

    def _set_limits(self, key, lo, hi, lo2, hi2):
        if lo is not None and not isinstance(lo, (int, float)) and hi is None:
            pair = _numbers(lo)
            lo = pair[0]
            hi = pair[1]
        if lo is None:
            lo = lo2
        if hi is None:
            hi = hi2
        for v in (lo, hi):
            if v is not None and (v != v or v in (float('inf'), float('-inf'))):
                raise ValueError('Axis limits cannot be NaN or Inf')
        limits = self._d[key]
        if lo is not None:
            limits['lower'] = float(lo)
        if hi is not None:
            limits['upper'] = float(hi)
        return (limits.get('lower'), limits.get('upper'))

    def get_xlim(self):
        return (self._d['xlim'].get('lower'), self._d['xlim'].get('upper'))

    def get_ylim(self):
        return (self._d['ylim'].get('lower'), self._d['ylim'].get('upper'))

    def set_xscale(self, value, **kwargs):
        self._d['xscale'] = _scale(value)

    def set_yscale(self, value, **kwargs):
        self._d['yscale'] = _scale(value)

    def set_xticks(self, ticks, labels=None, **kwargs):
        self._d['xticks'] = {'positions': _numbers(ticks), 'labels': None if labels is None else [str(l) for l in labels]}

    def set_yticks(self, ticks, labels=None, **kwargs):
        self._d['yticks'] = {'positions': _numbers(ticks), 'labels': None if labels is None else [str(l) for l in labels]}

    def set_xticklabels(self, labels, **kwargs):
        if self._d['xticks'] is not None:
            self._d['xticks']['labels'] = [str(l) for l in labels]

    def set_yticklabels(self, labels, **kwargs):
        if self._d['yticks'] is not None:
            self._d['yticks']['labels'] = [str(l) for l in labels]

    def grid(self, visible=None, which='major', axis='both', **kwargs):
        if visible is None:
            visible = True if len(kwargs) > 0 else not self._d['grid']
        self._d['grid'] = bool(visible)

    def axis(self, arg=None, **kwargs):
        if arg == 'off' or arg is False:
            self._d['axisOff'] = True
        elif arg == 'on' or arg is True:
            self._d['axisOff'] = False
        elif isinstance(arg, (list, tuple)) and len(arg) == 4:
            self.set_xlim(arg[0], arg[1])
            self.set_ylim(arg[2], arg[3])

    def set_axis_off(self):
        self._d['axisOff'] = True

    def set(self, **kwargs):
        for key in kwargs:
            getattr(self, 'set_' + key)(kwargs[key])

    def legend(self, *args, loc='best', **kwargs):
        if isinstance(loc, int):
            if loc < 0 or loc >= len(_LOCS):
                raise ValueError(repr(loc) + ' is not a valid value for loc.')
            loc = _LOCS[loc]
        if loc not in _LOCS:
            raise ValueError(repr(loc) + ' is not a valid value for loc.')
        labels = None
        if len(args) == 1:
            labels = args[0]
        elif len(args) == 2:
            labels = args[1]
        if labels is not None:
            k = 0
            for spec in self._d['artists']:
                if spec['kind'] in ('text', 'image') or k >= len(labels):
                    continue
                spec['label'] = str(labels[k])
                k += 1
        labelled = [s for s in self._d['artists'] if s.get('label') is not None and not s['label'].startswith('_')]
        if len(labelled) == 0:
            warnings.warn('No artists with labels found to put in legend.  Note that artists whose label start '
                          + 'with an underscore are ignored when legend() is called with no argument.')
        self._d['legend'] = loc
        return Legend()

    def cla(self):
        self.__init__(self.figure, self._d['row'], self._d['column'])


def _scale(value):
    if value not in ('linear', 'log'):
        raise ValueError(repr(value) + ' is not a valid value for scale.')
    return value


def _fontsize(size):
    names = {'xx-small': 5.79, 'x-small': 6.94, 'small': 8.33, 'medium': 10.0, 'large': 12.0,
             'x-large': 14.4, 'xx-large': 17.28}
    if size is None:
        return 10.0
    if isinstance(size, str):
        return names.get(size, 10.0)
    return float(size)


def _bin_index(edges, v):
    # numpy's rule: [a, b) for every bin but the last, which is [a, b].
    lo = 0
    hi = len(edges) - 1
    if v >= edges[hi]:
        return hi - 1
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if v >= edges[mid]:
            lo = mid
        else:
            hi = mid
    return lo
