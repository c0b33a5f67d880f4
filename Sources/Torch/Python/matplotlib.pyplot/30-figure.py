class _AxesArray:
    # What subplots() returns for a grid: numpy's object array of Axes, as far as lessons
    # use it (axes[i], axes[i, j], iteration, unpacking, .flat, .ravel(), .shape).
    def __init__(self, items, shape):
        self._items = items
        self.shape = shape
        self.ndim = len(shape)
        self.size = len(items)

    def _row(self, i):
        n = self.shape[0]
        if i < 0:
            i += n
        if i < 0 or i >= n:
            raise IndexError('index ' + str(i) + ' is out of bounds for axis 0 with size ' + str(n))
        if self.ndim == 1:
            return self._items[i]
        cols = self.shape[1]
        return _AxesArray(self._items[i * cols:(i + 1) * cols], (cols,))

    def __getitem__(self, key):
        if isinstance(key, tuple):
            value = self
            for k in key:
                value = value._row(k)
            return value
        if isinstance(key, slice):
            rows = [self._row(i) for i in _range(*key.indices(self.shape[0]))]
            if self.ndim == 1:
                return _AxesArray(rows, (len(rows),))
            items = []
            for r in rows:
                items += r._items
            return _AxesArray(items, (len(rows), self.shape[1]))
        return self._row(key)

    def __len__(self):
        return self.shape[0]

    def __iter__(self):
        return iter([self._row(i) for i in _range(self.shape[0])])

    @property
    def flat(self):
        return iter(list(self._items))

    def ravel(self):
        return _AxesArray(list(self._items), (len(self._items),))

    def flatten(self):
        return self.ravel()

    def __repr__(self):
        return 'array(' + repr(self._items) + ', dtype=object)'


class Figure:
    def __init__(self, figsize=None):
        if figsize is None:
            figsize = matplotlib.rcParams['figure.figsize']
        size = _numbers(figsize)
        self._d = {'width': float(size[0]), 'height': float(size[1]), 'rows': 1, 'columns': 1,
                   'axes': [], 'suptitle': None, 'tightLayout': False, 'savedAs': []}
        self._current = None
        self.number = 0

    def __repr__(self):
        return 'Figure(' + str(int(self._d['width'] * 100)) + 'x' + str(int(self._d['height'] * 100)) + ')'

    @property
    def axes(self):
        return list(self._d['axes'])

    def gca(self):
        if self._current is None:
            self._current = self.add_subplot(1, 1, 1)
        return self._current

    def sca(self, ax):
        self._current = ax

    def add_subplot(self, *args, **kwargs):
        if len(args) == 0:
            args = (1, 1, 1)
        if len(args) == 1:
            code = int(args[0])
            args = (code // 100, (code // 10) % 10, code % 10)
        nrows = int(args[0])
        ncols = int(args[1])
        index = int(args[2])
        if index < 1 or index > nrows * ncols:
            raise ValueError('num must be an integer with 1 <= num <= ' + str(nrows * ncols) + ', not ' + str(index))
        self._d['rows'] = nrows
        self._d['columns'] = ncols
        row = (index - 1) // ncols
        col = (index - 1) % ncols
        for ax in self._d['axes']:
            if ax._d['row'] == row and ax._d['column'] == col:
                self._current = ax
                return ax
        ax = Axes(self, row, col)
        self._d['axes'].append(ax)
        self._current = ax
        return ax

    def subplots(self, nrows=1, ncols=1, squeeze=True, **kwargs):
        for name, n in (('rows', nrows), ('columns', ncols)):
            if not isinstance(n, int) or n <= 0:
                raise ValueError('Number of ' + name + ' must be a positive integer, not ' + repr(n))
        self._d['rows'] = nrows
        self._d['columns'] = ncols
        items = []
        for r in _range(nrows):
            for c in _range(ncols):
                ax = Axes(self, r, c)
                self._d['axes'].append(ax)
                items.append(ax)
        self._current = items[0]
        if squeeze and nrows * ncols == 1:
            return items[0]
        if squeeze and (nrows == 1 or ncols == 1):
            return _AxesArray(items, (len(items),))
        return _AxesArray(items, (nrows, ncols))

    def suptitle(self, t, **kwargs):
        self._d['suptitle'] = str(t)
        return Text(0.5, 0.98, str(t))

    def tight_layout(self, **kwargs):
        self._d['tightLayout'] = True

    def set_size_inches(self, w, h=None):
        if h is None:
            size = _numbers(w)
            w = size[0]
            h = size[1]
        self._d['width'] = float(w)
        self._d['height'] = float(h)

    def get_size_inches(self):
        return (self._d['width'], self._d['height'])

    def savefig(self, fname, **kwargs):
        # Lessons have no file space: the name is recorded with the figure, which is drawn
        # into the handout as any shown figure is.
        self._d['savedAs'].append(str(fname))

    def colorbar(self, mappable=None, ax=None, label=None, **kwargs):
        if mappable is None:
            mappable = _current_mappable(self)
        owner = mappable.axes if ax is None else ax
        if isinstance(owner, _AxesArray):
            owner = owner._items[-1]
        if isinstance(owner, (list, tuple)):
            owner = owner[-1]
        if owner is not mappable.axes:
            owner = mappable.axes
        owner._d['colorbar'] = {'artist': mappable._index, 'label': _label(label)}
        return Colorbar(owner)

    def show(self):
        _backend.show()

    def clf(self):
        self._d['axes'] = []
        self._current = None


def _current_mappable(figure):
    axes = [figure._current] + list(reversed(figure._d['axes']))
    for ax in axes:
        if ax is None:
            continue
        artists = ax._d['artists']
        for i in reversed(_range(len(artists))):
            kind = artists[i]['kind']
            if kind == 'image':
                return AxesImage(ax, i)
            if kind == 'contour':
                return QuadContourSet(ax, i)
            if kind == 'scatter' and artists[i].get('values') is not None:
                return PathCollection(ax, i)
    raise RuntimeError('No mappable was found to use for colorbar creation. First define a mappable such as '
                       + 'an image (with imshow) or a contour set (with contourf).')
