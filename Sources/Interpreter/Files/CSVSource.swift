/// `csv`, written in the cell language after CPython's `_csv` state machine and `csv.py`
/// (readers, writers, dialects, `DictReader`, `DictWriter`).
let csvSource = #"""
QUOTE_MINIMAL = 0
QUOTE_ALL = 1
QUOTE_NONNUMERIC = 2
QUOTE_NONE = 3

__version__ = "1.0"


class Error(Exception):
    __module__ = "_csv"


class Dialect:
    delimiter = ","
    quotechar = '"'
    escapechar = None
    doublequote = True
    skipinitialspace = False
    lineterminator = "\r\n"
    quoting = QUOTE_MINIMAL
    strict = False


class excel(Dialect):
    pass


class excel_tab(excel):
    delimiter = "\t"


class unix_dialect(Dialect):
    lineterminator = "\n"
    quoting = QUOTE_ALL


_dialects = {"excel": excel, "excel-tab": excel_tab, "unix": unix_dialect}
_limit = 131072


def register_dialect(name, dialect=None, **fmtparams):
    _dialects[name] = _Options(dialect or excel, fmtparams)


def unregister_dialect(name):
    if name not in _dialects:
        raise Error("unknown dialect")
    del _dialects[name]


def get_dialect(name):
    if name not in _dialects:
        raise Error("unknown dialect")
    return _dialects[name]


def list_dialects():
    return list(_dialects)


def field_size_limit(new_limit=None):
    global _limit
    old = _limit
    if new_limit is not None:
        _limit = new_limit
    return old


class _Options:
    def __init__(self, dialect, fmtparams):
        if isinstance(dialect, str):
            dialect = get_dialect(dialect)
        for key in ("delimiter", "quotechar", "escapechar", "doublequote", "skipinitialspace",
                    "lineterminator", "quoting", "strict"):
            setattr(self, key, fmtparams.pop(key, getattr(dialect, key, getattr(Dialect, key))))
        if fmtparams:
            raise TypeError("'" + list(fmtparams)[0] + "' is an invalid keyword argument for this function")
        if not isinstance(self.delimiter, str) or len(self.delimiter) != 1:
            raise TypeError('"delimiter" must be a 1-character string')
        if self.quoting != QUOTE_NONE and self.quotechar is None:
            raise TypeError("quotechar must be set if quoting enabled")


class _Reader:
    def __init__(self, lines, opts):
        self._lines = iter(lines)
        self.dialect = opts
        self.line_num = 0

    def __iter__(self):
        return self

    def __next__(self):
        d = self.dialect
        fields = []
        field = []
        state = "start_record"
        quoted = False
        while True:
            try:
                line = next(self._lines)
            except StopIteration:
                if len(field) != 0 or state == "in_quoted_field":
                    if d.strict:
                        raise Error("unexpected end of data")
                    fields.append(self._value("".join(field), quoted))
                    return fields
                if state == "start_record" and not fields:
                    raise
                if fields or state != "start_record":
                    fields.append(self._value("".join(field), quoted))
                    return fields
                raise
            if not isinstance(line, str):
                raise Error("iterator should return strings, not " + type(line).__name__ + " (the file should be opened in text mode)")
            self.line_num += 1
            for c in line + "\0":
                end = c == "\0"
                if state == "start_record":
                    if end:
                        return fields
                    if c == "\n" or c == "\r":
                        state = "eat_crnl"
                        continue
                    state = "start_field"
                if state == "start_field":
                    if end or c == "\n" or c == "\r":
                        fields.append(self._value("".join(field), quoted))
                        field = []
                        quoted = False
                        state = "start_record" if end else "eat_crnl"
                        if end:
                            return fields
                    elif c == d.quotechar and d.quoting != QUOTE_NONE:
                        quoted = True
                        state = "in_quoted_field"
                    elif c == d.escapechar:
                        state = "escaped_char"
                    elif c == " " and d.skipinitialspace:
                        pass
                    elif c == d.delimiter:
                        fields.append(self._value("".join(field), quoted))
                        field = []
                        quoted = False
                    else:
                        field.append(c)
                        state = "in_field"
                elif state == "escaped_char":
                    if c == "\n" or c == "\r":
                        field.append(c)
                        state = "in_field"
                        continue
                    if end:
                        c = "\n"
                    field.append(c)
                    state = "in_field"
                elif state == "in_field":
                    if end or c == "\n" or c == "\r":
                        fields.append(self._value("".join(field), quoted))
                        field = []
                        quoted = False
                        if end:
                            return fields
                        state = "eat_crnl"
                    elif c == d.escapechar:
                        state = "escaped_char"
                    elif c == d.delimiter:
                        fields.append(self._value("".join(field), quoted))
                        field = []
                        quoted = False
                        state = "start_field"
                    else:
                        field.append(c)
                elif state == "in_quoted_field":
                    if end:
                        break
                    if c == d.escapechar:
                        state = "escape_in_quoted_field"
                    elif c == d.quotechar and d.quoting != QUOTE_NONE:
                        state = "quote_in_quoted_field" if d.doublequote else "in_field"
                    else:
                        field.append(c)
                elif state == "escape_in_quoted_field":
                    if end:
                        c = "\n"
                    field.append(c)
                    state = "in_quoted_field"
                elif state == "quote_in_quoted_field":
                    if d.quoting != QUOTE_NONE and c == d.quotechar:
                        field.append(c)
                        state = "in_quoted_field"
                    elif c == d.delimiter:
                        fields.append(self._value("".join(field), quoted))
                        field = []
                        quoted = False
                        state = "start_field"
                    elif end or c == "\n" or c == "\r":
                        fields.append(self._value("".join(field), quoted))
                        field = []
                        quoted = False
                        if end:
                            return fields
                        state = "eat_crnl"
                    elif not d.strict:
                        field.append(c)
                        state = "in_field"
                    else:
                        raise Error("'" + d.delimiter + "' expected after '" + d.quotechar + "'")
                elif state == "eat_crnl":
                    if c == "\n" or c == "\r":
                        pass
                    elif end:
                        return fields
                    else:
                        raise Error("new-line character seen in unquoted field - do you need to open the file with newline=''?")
            if state == "in_quoted_field":
                continue

    def _value(self, text, quoted):
        if len(text) > _limit:
            raise Error("field larger than field limit (" + str(_limit) + ")")
        if self.dialect.quoting == QUOTE_NONNUMERIC and not quoted and text:
            return float(text)
        return text


class _Writer:
    def __init__(self, f, opts):
        self._write = f.write
        self.dialect = opts

    def _field(self, value, only):
        d = self.dialect
        if value is None:
            text = ""
        elif isinstance(value, float):
            text = repr(value)
        else:
            text = str(value)
        if d.quoting == QUOTE_ALL:
            quote = True
        elif d.quoting == QUOTE_NONNUMERIC:
            quote = not isinstance(value, (int, float)) or isinstance(value, bool)
        else:
            quote = False
        special = d.delimiter + (d.quotechar or "") + (d.escapechar or "") + "\r\n" + d.lineterminator
        out = []
        for c in text:
            if c in special:
                if d.quoting == QUOTE_NONE:
                    if d.escapechar is None:
                        raise Error("need to escape, but no escapechar set")
                    out.append(d.escapechar)
                elif c == d.quotechar:
                    if d.doublequote:
                        out.append(c)
                    elif d.escapechar is not None:
                        out.append(d.escapechar)
                    else:
                        raise Error("need to escape, but no escapechar set")
                    quote = True
                elif c == d.escapechar:
                    out.append(c)
                else:
                    quote = True
            out.append(c)
        if not text and only and d.quoting != QUOTE_NONE:
            quote = True
        body = "".join(out)
        if quote:
            return d.quotechar + body + d.quotechar
        return body

    def writerow(self, row):
        try:
            values = list(row)
        except TypeError:
            raise Error("iterable expected, not " + type(row).__name__) from None
        only = len(values) == 1
        line = self.dialect.delimiter.join([self._field(v, only) for v in values])
        return self._write(line + self.dialect.lineterminator)

    def writerows(self, rows):
        for row in rows:
            self.writerow(row)


def reader(csvfile, dialect="excel", **fmtparams):
    return _Reader(csvfile, _Options(dialect, fmtparams))


def writer(csvfile, dialect="excel", **fmtparams):
    return _Writer(csvfile, _Options(dialect, fmtparams))


class DictReader:
    def __init__(self, f, fieldnames=None, restkey=None, restval=None, dialect="excel", *args, **kwds):
        self._fieldnames = fieldnames
        self.restkey = restkey
        self.restval = restval
        self.reader = reader(f, dialect, *args, **kwds)
        self.dialect = dialect
        self.line_num = 0

    def __iter__(self):
        return self

    @property
    def fieldnames(self):
        if self._fieldnames is None:
            try:
                self._fieldnames = next(self.reader)
            except StopIteration:
                pass
        self.line_num = self.reader.line_num
        return self._fieldnames

    @fieldnames.setter
    def fieldnames(self, value):
        self._fieldnames = value

    def __next__(self):
        if self.line_num == 0:
            self.fieldnames
        row = next(self.reader)
        self.line_num = self.reader.line_num
        while row == []:
            row = next(self.reader)
        d = dict(zip(self.fieldnames, row))
        lf = len(self.fieldnames)
        lr = len(row)
        if lf < lr:
            d[self.restkey] = row[lf:]
        elif lf > lr:
            for key in self.fieldnames[lr:]:
                d[key] = self.restval
        return d


class DictWriter:
    def __init__(self, f, fieldnames, restval="", extrasaction="raise", dialect="excel", *args, **kwds):
        if fieldnames is not None and iter(fieldnames) is fieldnames:
            fieldnames = list(fieldnames)
        self.fieldnames = fieldnames
        self.restval = restval
        if extrasaction.lower() not in ("raise", "ignore"):
            raise ValueError("extrasaction (" + extrasaction + ") must be 'raise' or 'ignore'")
        self.extrasaction = extrasaction
        self.writer = writer(f, dialect, *args, **kwds)

    def writeheader(self):
        header = dict(zip(self.fieldnames, self.fieldnames))
        return self.writerow(header)

    def _dict_to_list(self, rowdict):
        if self.extrasaction == "raise":
            wrong_fields = [k for k in rowdict if k not in self.fieldnames]
            if wrong_fields:
                raise ValueError("dict contains fields not in fieldnames: " + ", ".join([repr(x) for x in wrong_fields]))
        return [rowdict.get(key, self.restval) for key in self.fieldnames]

    def writerow(self, rowdict):
        return self.writer.writerow(self._dict_to_list(rowdict))

    def writerows(self, rowdicts):
        return self.writer.writerows(map(self._dict_to_list, rowdicts))
"""#
