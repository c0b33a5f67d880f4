import csv


def load_points(path):
    """Reads (x, y) rows of a CSV file with a header into two lists of floats."""
    xs, ys = [], []
    with open(path, newline="") as f:
        for row in csv.DictReader(f):
            xs.append(float(row["x"]))
            ys.append(float(row["y"]))
    return xs, ys
