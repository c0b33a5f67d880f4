class Artist:
    def __init__(self, axes, index):
        self.axes = axes
        self._index = index

    def _spec(self):
        return self.axes._d['artists'][self._index]

    def set_label(self, label):
        self._spec()['label'] = _label(label)

    def get_label(self):
        return self._spec().get('label')

    def set_color(self, c):
        spec = self._spec()
        if 'stroke' in spec:
            spec['stroke']['color'] = _color(c)
        else:
            spec['color'] = _color(c)

    def get_color(self):
        spec = self._spec()
        if 'stroke' in spec:
            return spec['stroke']['color']
        return spec.get('color')

    def set_alpha(self, alpha):
        spec = self._spec()
        if 'stroke' in spec:
            spec['stroke']['alpha'] = float(alpha)
        else:
            spec['alpha'] = float(alpha)

    def remove(self):
        self.axes._d['artists'][self._index] = {'kind': 'text', 'x': 0.0, 'y': 0.0, 'text': '',
                                                  'fontSize': 10.0, 'color': '#000000',
                                                  'horizontalAlignment': 'left',
                                                  'verticalAlignment': 'baseline',
                                                  'inAxesCoordinates': True}


class Line2D(Artist):
    def set_data(self, x, y):
        self._spec()['x'] = _numbers(x)
        self._spec()['y'] = _numbers(y)

    def get_xdata(self):
        return list(self._spec()['x'])

    def get_ydata(self):
        return list(self._spec()['y'])

    def __repr__(self):
        return '<matplotlib.lines.Line2D object>'

    def __str__(self):
        label = self.get_label()
        return 'Line2D(' + ('' if label is None else label) + ')'


class PathCollection(Artist):
    def __repr__(self):
        return '<matplotlib.collections.PathCollection object>'


class PolyCollection(Artist):
    def __repr__(self):
        return '<matplotlib.collections.FillBetweenPolyCollection object>'


class AxesImage(Artist):
    def __repr__(self):
        return '<matplotlib.image.AxesImage object>'


class QuadContourSet(Artist):
    def __repr__(self):
        return '<matplotlib.contour.QuadContourSet object>'


class BarContainer(Artist):
    def __init__(self, axes, index, count):
        Artist.__init__(self, axes, index)
        self._count = count

    def __len__(self):
        return self._count

    def __repr__(self):
        return '<BarContainer object of ' + str(self._count) + ' artists>'


class ErrorbarContainer(Artist):
    def __repr__(self):
        return '<ErrorbarContainer object of 3 artists>'


class Text:
    def __init__(self, x, y, text, spec=None):
        self._x = x
        self._y = y
        self._text = text
        self._spec = spec

    def get_text(self):
        return self._text

    def __repr__(self):
        return 'Text(' + repr(self._x) + ', ' + repr(self._y) + ', ' + repr(self._text) + ')'


class Legend:
    def __repr__(self):
        return 'Legend'


class Colorbar:
    def __init__(self, axes):
        self.ax = axes

    def set_label(self, label):
        self.ax._d['colorbar']['label'] = _label(label)

    def __repr__(self):
        return '<matplotlib.colorbar.Colorbar object>'


class _AxesTransform:
    def __repr__(self):
        return '<matplotlib.transforms.BboxTransformTo object>'
