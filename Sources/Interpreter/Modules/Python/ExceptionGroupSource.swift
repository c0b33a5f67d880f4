/// `BaseExceptionGroup` and `ExceptionGroup` (builtins loaded when first named), with
/// CPython 3.11's constructor checks, `str`/`repr`, `subgroup`, `split` and `derive`, and
/// the two steps of `except*` (`_star_match`, `_star_prepare_reraise`) that `TryStmt` calls.
let exceptionGroupSource = #"""
from _exceptiongroup_native import copy_traceback as _copy_traceback

class BaseExceptionGroup(BaseException):
    def __new__(cls, message, exceptions):
        if not isinstance(message, str):
            raise TypeError("BaseExceptionGroup.__new__() argument 1 must be str, not %s" % type(message).__name__)
        try:
            excs = tuple(exceptions)
        except TypeError:
            raise TypeError("second argument (exceptions) must be a sequence") from None
        if isinstance(exceptions, (set, frozenset, dict)) or exceptions is None:
            raise TypeError("second argument (exceptions) must be a sequence")
        if not excs:
            raise ValueError("second argument (exceptions) must be a non-empty sequence")
        for i, e in enumerate(excs):
            if not isinstance(e, BaseException):
                raise ValueError("Item %d of second argument (exceptions) is not an exception" % i)
        if cls is BaseExceptionGroup:
            if all(isinstance(e, Exception) for e in excs):
                cls = ExceptionGroup
        elif issubclass(cls, Exception):
            for e in excs:
                if not isinstance(e, Exception):
                    if cls is ExceptionGroup:
                        raise TypeError("Cannot nest BaseExceptions in an ExceptionGroup")
                    raise TypeError("Cannot nest BaseExceptions in '%s'" % cls.__name__)
        self = BaseException.__new__(cls, message, exceptions)
        self._message = message
        self._exceptions = excs
        return self

    def __init__(self, message, exceptions):
        BaseException.__init__(self, message, exceptions)

    @property
    def message(self):
        return self._message

    @property
    def exceptions(self):
        return self._exceptions

    def __str__(self):
        n = len(self._exceptions)
        return "%s (%d sub-exception%s)" % (self._message, n, "" if n == 1 else "s")

    def __repr__(self):
        return "%s(%r, %r)" % (type(self).__name__, self._message, self.args[1])

    def derive(self, excs):
        return BaseExceptionGroup(self._message, excs)

    def _matcher(self, condition):
        if isinstance(condition, type) and issubclass(condition, BaseException):
            return lambda e: isinstance(e, condition)
        if isinstance(condition, tuple) and all(isinstance(c, type) and issubclass(c, BaseException) for c in condition):
            return lambda e: isinstance(e, condition)
        if callable(condition) and not isinstance(condition, type):
            return condition
        raise TypeError("expected a function, exception type or tuple of exception types")

    def _copy_meta(self, group):
        _copy_traceback(self, group)
        group.__cause__ = self.__cause__
        group.__context__ = self.__context__
        if hasattr(self, "__notes__"):
            group.__notes__ = list(self.__notes__)
        return group

    def _split(self, match):
        if match(self):
            return self, None
        matched, rest = [], []
        for e in self._exceptions:
            if isinstance(e, BaseExceptionGroup):
                m, r = e._split(match)
                if m is not None:
                    matched.append(m)
                if r is not None:
                    rest.append(r)
            elif match(e):
                matched.append(e)
            else:
                rest.append(e)
        m = self._copy_meta(self.derive(matched)) if matched else None
        r = self._copy_meta(self.derive(rest)) if rest else None
        return m, r

    def split(self, condition):
        return self._split(self._matcher(condition))

    def subgroup(self, condition):
        return self._split(self._matcher(condition))[0]


class ExceptionGroup(BaseExceptionGroup, Exception):
    pass


def _star_match(exc, spec):
    """The part of `exc` an `except* spec:` clause handles, and the rest (CPython's
    exception_group_match): a naked exception that matches is wrapped in a group."""
    for c in spec if isinstance(spec, tuple) else (spec,):
        if not (isinstance(c, type) and issubclass(c, BaseException)):
            raise TypeError("catching classes that do not inherit from BaseException is not allowed")
    for c in spec if isinstance(spec, tuple) else (spec,):
        if issubclass(c, BaseExceptionGroup):
            raise TypeError("catching ExceptionGroup with except* is not allowed. Use except instead.")
    if isinstance(exc, BaseExceptionGroup):
        return exc.split(spec)
    if isinstance(exc, spec):
        return BaseExceptionGroup("", (exc,)), None
    return None, exc


def _leaf_ids(exc, ids):
    if isinstance(exc, BaseExceptionGroup):
        for e in exc.exceptions:
            _leaf_ids(e, ids)
    else:
        ids.add(id(exc))


def _star_prepare_reraise(orig, outcomes):
    """What a try/except* statement raises once its clauses ran (CPython's
    _PyExc_PrepReraiseStar). `outcomes` holds, in order, what each clause that ran raised
    (None when it finished) and the unhandled rest, each with whether it is a part of
    `orig` re-raised (bare `raise`, or not handled) rather than a new exception."""
    if not isinstance(orig, BaseExceptionGroup):
        return outcomes[0][0]
    raised = [e for e, again in outcomes if e is not None and not again]
    ids = set()
    for e, again in outcomes:
        if e is not None and again:
            _leaf_ids(e, ids)
    kept = orig._split(lambda e: id(e) in ids)[0] if ids else None
    if not raised:
        return kept
    if kept is None and len(raised) == 1:
        return raised[0]
    if kept is not None:
        raised.append(kept)
    return BaseExceptionGroup("", raised)
"""#
