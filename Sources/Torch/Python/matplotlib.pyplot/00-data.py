# matplotlib.pyplot (Gradbook). Each Figure and Axes keeps its state in a dict `_d` shaped
# as Gradbook's figure model (Sources/Figures); the host reads it back when the figure is
# shown, or when the cell ends with it still open, and draws it as SVG.
import warnings
import matplotlib
from matplotlib import _backend
from matplotlib.colors import Colormap, ListedColormap, _cmap_name
import matplotlib.colors as colors

_range = range
_CYCLE = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd',
          '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf']
_MARKERS = 'o.,sv^<>xX+*DdPph|_'
_LINESTYLES = {'-': '-', '--': '--', ':': ':', '-.': '-.', 'solid': '-', 'dashed': '--',
               'dotted': ':', 'dashdot': '-.', 'None': '', 'none': '', '': '', ' ': ''}
_LOCS = ['best', 'upper right', 'upper left', 'lower left', 'lower right', 'right',
         'center left', 'center right', 'lower center', 'upper center', 'center']


def _array(v):
    return _backend.array(v)


def _numbers(v):
    return _backend.array(v)[0]


def _is_text_list(v):
    if isinstance(v, (list, tuple)) and len(v) > 0:
        return all(isinstance(item, str) for item in v)
    return False


def _broadcast(v, n, name):
    values, shape = _backend.array(v)
    if len(values) == 1:
        return values * n
    if len(values) != n:
        raise ValueError('shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is between '
                         + repr('x') + ' with shape (' + str(n) + ',) and ' + repr(name) + ' with shape '
                         + str(shape) + '.')
    return values


def _color(c):
    return _backend.color(c)


def _label(label):
    if label is None:
        return None
    return str(label)


def _linestyle(ls):
    if ls not in _LINESTYLES:
        raise ValueError(repr(ls) + ' is not a valid value for ls; supported values are '
                         + "'-', '--', '-.', ':', 'None', ' ', '', 'solid', 'dashed', 'dashdot', 'dotted'")
    return _LINESTYLES[ls]


def _parse_fmt(fmt):
    # (linestyle, marker, color) from a format string such as 'ro--' or 'C1.'.
    if fmt != '' and not fmt.isdigit() and _backend.is_color(fmt):
        return '-', None, _color(fmt)
    linestyle = None
    marker = None
    color = None
    i = 0
    while i < len(fmt):
        two = fmt[i:i + 2]
        ch = fmt[i]
        if two == '--' or two == '-.':
            linestyle = two
            i += 2
            continue
        if ch == '-' or ch == ':':
            linestyle = ch
        elif ch == 'C' and i + 1 < len(fmt) and fmt[i + 1].isdigit():
            color = _color(two)
            i += 2
            continue
        elif ch in 'bgrcmykw':
            color = _color(ch)
        elif ch in _MARKERS:
            marker = ch
        else:
            raise ValueError(repr(fmt) + ' is not a valid format string (unrecognized character '
                             + repr(ch) + ')')
        i += 1
    if linestyle is None and marker is None:
        linestyle = '-'
    if linestyle is None:
        linestyle = ''
    return linestyle, marker, color


def _stroke(color, width=1.5, style='-', marker=None, size=6.0, alpha=None):
    return {'color': color, 'width': float(width), 'style': style, 'marker': marker,
            'markerSize': float(size), 'alpha': 1.0 if alpha is None else float(alpha)}


def _columns(values, shape):
    # A 2-D (n, m) array as m columns of n values; anything else as one column.
    if len(shape) == 2:
        n = shape[0]
        m = shape[1]
        return [[values[r * m + c] for r in range(n)] for c in range(m)]
    return [values]


def _levels_and_count(levels):
    if levels is None:
        return None, None
    if isinstance(levels, int):
        return None, levels
    return _numbers(levels), None


def _grid_axes(values, shape, axis):
    # The coordinates along one axis of a meshgrid (2-D) or the axis itself (1-D).
    if len(shape) == 2:
        rows = shape[0]
        cols = shape[1]
        if axis == 'x':
            return values[0:cols]
        return [values[r * cols] for r in range(rows)]
    return values
