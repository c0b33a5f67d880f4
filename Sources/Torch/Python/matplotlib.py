# matplotlib (Gradbook): the package that holds pyplot. Figures are recorded as data and
# drawn as SVG by Gradbook's reports; there is no backend to choose.

__version__ = '3.11.2'

rcParams = {'figure.figsize': [6.4, 4.8], 'font.size': 10.0, 'lines.linewidth': 1.5,
            'lines.markersize': 6.0, 'image.cmap': 'viridis', 'hist.bins': 10}


def use(backend, force=True):
    pass


def get_backend():
    return 'svg'
