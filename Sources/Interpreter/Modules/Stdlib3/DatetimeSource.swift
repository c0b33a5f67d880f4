/// `datetime`: dates, times, durations and fixed-offset zones as CPython 3.11's C module
/// behaves (normalisation and rounding of timedelta, ISO parsing, strftime in the C locale,
/// reprs and error texts). No time-zone database: local time is UTC.
let datetimeSource = #"""
"""Dates, times, intervals and fixed-offset time zones, as CPython 3.11's datetime.

A lesson runs with no time-zone database and local time is UTC: `datetime.now()` and
`date.today()` read the clock in UTC, and naive datetimes convert to and from timestamps as UTC."""

import time as _time
import math as _math
import operator as _operator

__all__ = ("date", "datetime", "time", "timedelta", "timezone", "tzinfo", "MINYEAR", "MAXYEAR", "UTC")

MINYEAR = 1
MAXYEAR = 9999
_MAXORDINAL = 3652059

_DAYS_IN_MONTH = [-1, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
_DAYS_BEFORE_MONTH = [-1]
_running = 0
for _dim in _DAYS_IN_MONTH[1:]:
    _DAYS_BEFORE_MONTH.append(_running)
    _running += _dim
del _running, _dim

_MONTHNAMES = [None, "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
_FULLMONTHNAMES = [None, "January", "February", "March", "April", "May", "June", "July", "August",
                   "September", "October", "November", "December"]
_DAYNAMES = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
_FULLDAYNAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def _is_leap(year):
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _days_before_year(year):
    y = year - 1
    return y * 365 + y // 4 - y // 100 + y // 400


def _days_in_month(year, month):
    if month == 2 and _is_leap(year):
        return 29
    return _DAYS_IN_MONTH[month]


def _days_before_month(year, month):
    return _DAYS_BEFORE_MONTH[month] + (month > 2 and _is_leap(year))


def _ymd2ord(year, month, day):
    return _days_before_year(year) + _days_before_month(year, month) + day


def _ord2ymd(n):
    """The (year, month, day) of proleptic Gregorian ordinal n (day 1 is 0001-01-01)."""
    n -= 1
    n400, n = divmod(n, 146097)
    year = n400 * 400 + 1
    n100, n = divmod(n, 36524)
    n4, n = divmod(n, 1461)
    n1, n = divmod(n, 365)
    year += n100 * 100 + n4 * 4 + n1
    if n1 == 4 or n100 == 4:
        return year - 1, 12, 31
    leapyear = n1 == 3 and (n4 != 24 or n100 == 3)
    month = (n + 50) >> 5
    preceding = _DAYS_BEFORE_MONTH[month] + (month > 2 and leapyear)
    if preceding > n:
        month -= 1
        preceding -= _DAYS_IN_MONTH[month] + (month == 2 and leapyear)
    return year, month, n - preceding + 1


def _index(value):
    if isinstance(value, float):
        raise TypeError("'float' object cannot be interpreted as an integer")
    return _operator.index(value)


def _check_date_fields(year, month, day):
    year = _index(year)
    month = _index(month)
    day = _index(day)
    if not MINYEAR <= year <= MAXYEAR:
        raise ValueError('year %d is out of range' % year)
    if not 1 <= month <= 12:
        raise ValueError('month must be in 1..12')
    if not 1 <= day <= _days_in_month(year, month):
        raise ValueError('day is out of range for month')
    return year, month, day


def _check_time_fields(hour, minute, second, microsecond, fold):
    hour = _index(hour)
    minute = _index(minute)
    second = _index(second)
    microsecond = _index(microsecond)
    if not 0 <= hour <= 23:
        raise ValueError('hour must be in 0..23')
    if not 0 <= minute <= 59:
        raise ValueError('minute must be in 0..59')
    if not 0 <= second <= 59:
        raise ValueError('second must be in 0..59')
    if not 0 <= microsecond <= 999999:
        raise ValueError('microsecond must be in 0..999999')
    if fold not in (0, 1):
        raise ValueError('fold must be either 0 or 1')
    return hour, minute, second, microsecond, fold


def _check_tzinfo_arg(tz):
    if tz is not None and not isinstance(tz, tzinfo):
        raise TypeError("tzinfo argument must be None or of a tzinfo subclass, not type '%s'"
                        % type(tz).__name__)


def _tp(x):
    """The C type name CPython shows for x's type: 'datetime.date' for the module's own
    classes, the bare name for a subclass."""
    cls = type(x)
    if cls in _OWN_CLASSES:
        return 'datetime.' + cls.__name__
    return cls.__name__


def _cmperror(x, y):
    raise TypeError("can't compare %s to %s" % (_tp(x), _tp(y)))


def _c_round(x):
    """C's round(): halves away from zero."""
    r = _math.floor(x)
    diff = x - r
    if diff > 0.5 or (diff == 0.5 and x > 0):
        r += 1
    elif diff == 0.5 and x < 0:
        pass
    return float(r)


def _divide_and_round(a, b):
    """a / b rounded to the nearest integer, ties to even."""
    q, r = divmod(a, b)
    r *= 2
    greater_than_half = r > b if b > 0 else r < b
    if greater_than_half or r == b and q % 2 == 1:
        q += 1
    return q


def _format_offset(off, sep=':'):
    s = ''
    if off is not None:
        if off.days < 0:
            sign = "-"
            off = -off
        else:
            sign = "+"
        hh, mm = divmod(off, timedelta(hours=1))
        mm, ss = divmod(mm, timedelta(minutes=1))
        s += "%s%02d%s%02d" % (sign, hh, sep, mm)
        if ss or ss.microseconds:
            s += "%s%02d" % (sep, ss.seconds)
            if ss.microseconds:
                s += '.%06d' % ss.microseconds
    return s


def _format_time(hh, mm, ss, us, timespec='auto'):
    specs = {
        'hours': '{:02d}',
        'minutes': '{:02d}:{:02d}',
        'seconds': '{:02d}:{:02d}:{:02d}',
        'milliseconds': '{:02d}:{:02d}:{:02d}.{:03d}',
        'microseconds': '{:02d}:{:02d}:{:02d}.{:06d}',
    }
    if timespec == 'auto':
        timespec = 'microseconds' if us else 'seconds'
    elif timespec == 'milliseconds':
        us //= 1000
    try:
        fmt = specs[timespec]
    except KeyError:
        raise ValueError('Unknown timespec value')
    return fmt.format(hh, mm, ss, us)


# ---------------------------------------------------------------- strftime / strptime

def _wrap_strftime(obj, fmt, timetuple):
    """strftime as glibc's in the C locale, with %f, %z and %Z from the object."""
    if not isinstance(fmt, str):
        raise TypeError("strftime() argument 1 must be str, not %s" % type(fmt).__name__)
    year, month, day, hour, minute, second, wday, yday = timetuple[:8]
    out = []
    i = 0
    n = len(fmt)
    while i < n:
        ch = fmt[i]
        i += 1
        if ch != '%':
            out.append(ch)
            continue
        if i >= n:
            out.append('%')
            break
        ch = fmt[i]
        i += 1
        if ch == 'a':
            out.append(_DAYNAMES[wday])
        elif ch == 'A':
            out.append(_FULLDAYNAMES[wday])
        elif ch == 'w':
            out.append(str((wday + 1) % 7))
        elif ch == 'u':
            out.append(str(wday + 1))
        elif ch == 'd':
            out.append('%02d' % day)
        elif ch == 'e':
            out.append('%2d' % day)
        elif ch == 'b' or ch == 'h':
            out.append(_MONTHNAMES[month])
        elif ch == 'B':
            out.append(_FULLMONTHNAMES[month])
        elif ch == 'm':
            out.append('%02d' % month)
        elif ch == 'y':
            out.append('%02d' % (year % 100))
        elif ch == 'Y':
            out.append('%d' % year)
        elif ch == 'C':
            out.append('%02d' % (year // 100))
        elif ch == 'H':
            out.append('%02d' % hour)
        elif ch == 'k':
            out.append('%2d' % hour)
        elif ch == 'I':
            out.append('%02d' % (hour % 12 or 12))
        elif ch == 'l':
            out.append('%2d' % (hour % 12 or 12))
        elif ch == 'p':
            out.append('AM' if hour < 12 else 'PM')
        elif ch == 'P':
            out.append('am' if hour < 12 else 'pm')
        elif ch == 'M':
            out.append('%02d' % minute)
        elif ch == 'S':
            out.append('%02d' % second)
        elif ch == 'f':
            out.append('%06d' % getattr(obj, 'microsecond', 0))
        elif ch == 'z':
            off = obj.utcoffset() if hasattr(obj, 'utcoffset') else None
            out.append(_format_offset(off, '') if off is not None else '')
        elif ch == 'Z':
            name = obj.tzname() if hasattr(obj, 'tzname') else None
            out.append(name.replace('%', '%%') if name is not None else '')
        elif ch == 'j':
            out.append('%03d' % yday)
        elif ch == 'U':
            out.append('%02d' % ((yday + 6 - (wday + 1) % 7) // 7))
        elif ch == 'W':
            out.append('%02d' % ((yday + 6 - wday) // 7))
        elif ch in 'GgV':
            iso_year, iso_week, _ = _isocalendar(year, month, day)
            if ch == 'G':
                out.append('%d' % iso_year)
            elif ch == 'g':
                out.append('%02d' % (iso_year % 100))
            else:
                out.append('%02d' % iso_week)
        elif ch == 'c':
            out.append('%s %s %2d %02d:%02d:%02d %d' % (_DAYNAMES[wday], _MONTHNAMES[month], day,
                                                       hour, minute, second, year))
        elif ch == 'x' or ch == 'D':
            out.append('%02d/%02d/%02d' % (month, day, year % 100))
        elif ch == 'X' or ch == 'T':
            out.append('%02d:%02d:%02d' % (hour, minute, second))
        elif ch == 'R':
            out.append('%02d:%02d' % (hour, minute))
        elif ch == 'r':
            out.append('%02d:%02d:%02d %s' % (hour % 12 or 12, minute, second, 'AM' if hour < 12 else 'PM'))
        elif ch == 'F':
            out.append('%d-%02d-%02d' % (year, month, day))
        elif ch == 'n':
            out.append('\n')
        elif ch == 't':
            out.append('\t')
        elif ch == 's':
            out.append('%d' % _timegm(timetuple))
        elif ch == '%':
            out.append('%')
        else:
            out.append('%' + ch)
    return ''.join(out)


def _timegm(tt):
    year, month, day, hour, minute, second = tt[:6]
    days = _ymd2ord(year, month, day) - _EPOCH_ORDINAL
    return ((days * 24 + hour) * 60 + minute) * 60 + second


def _isocalendar(year, month, day):
    def week1_monday(y):
        first_day = _ymd2ord(y, 1, 1)
        first_weekday = (first_day + 6) % 7
        monday = first_day - first_weekday
        if first_weekday > 3:
            monday += 7
        return monday
    today = _ymd2ord(year, month, day)
    week1 = week1_monday(year)
    week, day_ = divmod(today - week1, 7)
    if week < 0:
        year -= 1
        week1 = week1_monday(year)
        week, day_ = divmod(today - week1, 7)
    elif week >= 52:
        if today >= week1_monday(year + 1):
            year += 1
            week = 0
    return year, week + 1, day_ + 1


def _strptime(cls, date_string, format):
    """The subset of time.strptime directives lessons use, with CPython's errors."""
    if not isinstance(date_string, str):
        raise TypeError("strptime() argument 1 must be str, not %s" % type(date_string).__name__)
    if not isinstance(format, str):
        raise TypeError("strptime() argument 2 must be str, not %s" % type(format).__name__)
    import re
    parts = {
        'd': r'(?P<d>3[01]|[12]\d|0[1-9]|[1-9]| [1-9])',
        'f': r'(?P<f>[0-9]{1,6})',
        'H': r'(?P<H>2[0-3]|[0-1]\d|\d)',
        'I': r'(?P<I>1[0-2]|0[1-9]|[1-9])',
        'j': r'(?P<j>36[0-6]|3[0-5]\d|[12]\d\d|0[1-9]\d|00[1-9]|[1-9]\d|0[1-9]|[1-9])',
        'm': r'(?P<m>1[0-2]|0[1-9]|[1-9])',
        'M': r'(?P<M>[0-5]\d|\d)',
        'S': r'(?P<S>6[0-1]|[0-5]\d|\d)',
        'y': r'(?P<y>\d\d)',
        'Y': r'(?P<Y>\d\d\d\d)',
        'z': r'(?P<z>[+-]\d\d:?[0-5]\d(:?[0-5]\d(\.\d{1,6})?)?|(?-i:Z))',
        'b': r'(?P<b>' + '|'.join(_FULLMONTHNAMES[1:] + _MONTHNAMES[1:]) + ')',
        'B': r'(?P<B>' + '|'.join(_FULLMONTHNAMES[1:] + _MONTHNAMES[1:]) + ')',
        'a': r'(?P<a>' + '|'.join(_FULLDAYNAMES + _DAYNAMES) + ')',
        'A': r'(?P<A>' + '|'.join(_FULLDAYNAMES + _DAYNAMES) + ')',
        'p': r'(?P<p>am|pm)',
        '%': '%',
    }
    regex = []
    i = 0
    seen = set()
    while i < len(format):
        ch = format[i]
        if ch == '%' and i + 1 < len(format):
            d = format[i + 1]
            if d not in parts:
                raise ValueError("'%s' is a bad directive in format '%s'" % (d, format))
            if d != '%' and d in seen:
                raise re.error("redefinition of group name %r as group %d; was group %d"
                               % (d, len(seen) + 1, 1))
            seen.add(d)
            regex.append(parts[d])
            i += 2
        elif ch == '%':
            raise ValueError("stray %% in format '%s'" % format)
        elif ch.isspace():
            regex.append(r'\s+')
            while i < len(format) and format[i].isspace():
                i += 1
            continue
        else:
            regex.append(re.escape(ch))
            i += 1
    m = re.match('(?i)' + ''.join(regex), date_string)
    if m is None:
        raise ValueError("time data %r does not match format %r" % (date_string, format))
    if len(date_string) != m.end():
        raise ValueError("unconverted data remains: %s" % date_string[m.end():])
    g = m.groupdict()
    year = 1900
    month = day = 1
    hour = minute = second = fraction = 0
    tz = None
    if g.get('Y'):
        year = int(g['Y'])
    elif g.get('y'):
        year = int(g['y'])
        year += 2000 if year <= 68 else 1900
    if g.get('m'):
        month = int(g['m'])
    for key in ('b', 'B'):
        if g.get(key):
            name = g[key].lower()
            for k in range(1, 13):
                if name in (_FULLMONTHNAMES[k].lower(), _MONTHNAMES[k].lower()):
                    month = k
    if g.get('d'):
        day = int(g['d'])
    if g.get('H'):
        hour = int(g['H'])
    elif g.get('I'):
        hour = int(g['I'])
        ampm = (g.get('p') or '').lower()
        if ampm == 'pm' and hour != 12:
            hour += 12
        elif ampm == 'am' and hour == 12:
            hour = 0
    if g.get('M'):
        minute = int(g['M'])
    if g.get('S'):
        second = int(g['S'])
    if g.get('f'):
        fraction = int(g['f'] + '0' * (6 - len(g['f'])))
    if g.get('j') and not g.get('m') and not g.get('d'):
        ordinal = _ymd2ord(year, 1, 1) + int(g['j']) - 1
        year, month, day = _ord2ymd(ordinal)
    if g.get('z'):
        z = g['z']
        if z == 'Z' or z == 'z':
            tz = timezone.utc
        else:
            sign = -1 if z[0] == '-' else 1
            z = z[1:].replace(':', '')
            hh, mm = int(z[0:2]), int(z[2:4])
            ss = int(z[4:6]) if len(z) >= 6 else 0
            us = int((z[7:] + '000000')[:6]) if len(z) > 7 else 0
            tz = timezone(sign * timedelta(hours=hh, minutes=mm, seconds=ss, microseconds=us))
    if cls is date:
        return date(year, month, day)
    if cls is time:
        return time(hour, minute, second, fraction, tz)
    return cls(year, month, day, hour, minute, second, fraction, tz)


# ---------------------------------------------------------------- timedelta

class timedelta:
    """A duration: days, seconds (0..86399) and microseconds (0..999999), normalised."""

    __tp_name__ = "datetime.timedelta"

    __slots__ = ('_days', '_seconds', '_microseconds', '_hashcode')

    def __new__(cls, days=0, seconds=0, microseconds=0, milliseconds=0, minutes=0, hours=0, weeks=0):
        total = 0
        leftover = 0.0
        for value, factor, name in ((microseconds, 1, 'microseconds'), (milliseconds, 1000, 'milliseconds'),
                                    (seconds, 1000000, 'seconds'), (minutes, 60000000, 'minutes'),
                                    (hours, 3600000000, 'hours'), (days, 86400000000, 'days'),
                                    (weeks, 604800000000, 'weeks')):
            if isinstance(value, bool) or isinstance(value, int):
                total += int(value) * factor
            elif isinstance(value, float):
                if value != value or value in (float('inf'), float('-inf')):
                    raise ValueError("cannot convert float %s to integer" % ('NaN' if value != value else 'infinity'))
                frac, whole = _math.modf(value)
                total += int(whole) * factor
                if frac != 0.0:
                    frac, whole = _math.modf(frac * factor)
                    total += int(whole)
                    leftover += frac
            else:
                raise TypeError("unsupported type for timedelta %s component: %s" % (name, type(value).__name__))
        if leftover != 0.0:
            whole_us = _c_round(leftover)
            if abs(whole_us - leftover) == 0.5:
                is_odd = total & 1
                whole_us = 2.0 * _c_round((leftover + is_odd) * 0.5) - is_odd
            total += int(whole_us)
        return cls._from_microseconds(total)

    @classmethod
    def _from_microseconds(cls, us):
        seconds, us = divmod(us, 1000000)
        days, seconds = divmod(seconds, 86400)
        if abs(days) > 999999999:
            if not -2**31 <= days < 2**31:
                raise OverflowError("Python int too large to convert to C int")
            raise OverflowError("days=%d; must have magnitude <= 999999999" % days)
        self = object.__new__(cls)
        self._days = days
        self._seconds = seconds
        self._microseconds = us
        self._hashcode = -1
        return self

    def _to_microseconds(self):
        return (self._days * 86400 + self._seconds) * 1000000 + self._microseconds

    def __repr__(self):
        args = []
        if self._days:
            args.append("days=%d" % self._days)
        if self._seconds:
            args.append("seconds=%d" % self._seconds)
        if self._microseconds:
            args.append("microseconds=%d" % self._microseconds)
        if not args:
            args.append('0')
        return "%s(%s)" % (_tp(self), ', '.join(args))

    def __str__(self):
        mm, ss = divmod(self._seconds, 60)
        hh, mm = divmod(mm, 60)
        s = "%d:%02d:%02d" % (hh, mm, ss)
        if self._days:
            s = "%d day%s, " % (self._days, "s" if abs(self._days) != 1 else "") + s
        if self._microseconds:
            s = s + ".%06d" % self._microseconds
        return s

    def total_seconds(self):
        return self._to_microseconds() / 10**6

    @property
    def days(self):
        return self._days

    @property
    def seconds(self):
        return self._seconds

    @property
    def microseconds(self):
        return self._microseconds

    def __add__(self, other):
        if isinstance(other, timedelta):
            return timedelta._from_microseconds(self._to_microseconds() + other._to_microseconds())
        return NotImplemented

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return timedelta._from_microseconds(self._to_microseconds() - other._to_microseconds())
        return NotImplemented

    def __rsub__(self, other):
        if isinstance(other, timedelta):
            return -self + other
        return NotImplemented

    def __neg__(self):
        return timedelta._from_microseconds(-self._to_microseconds())

    def __pos__(self):
        return self

    def __abs__(self):
        return -self if self._days < 0 else self

    def __mul__(self, other):
        if isinstance(other, int):
            return timedelta._from_microseconds(self._to_microseconds() * other)
        if isinstance(other, float):
            a, b = other.as_integer_ratio()
            return timedelta._from_microseconds(_divide_and_round(self._to_microseconds() * a, b))
        return NotImplemented

    __rmul__ = __mul__

    def __floordiv__(self, other):
        if not isinstance(other, (int, timedelta)):
            return NotImplemented
        usec = self._to_microseconds()
        if isinstance(other, timedelta):
            return usec // other._to_microseconds()
        return timedelta._from_microseconds(usec // other)

    def __truediv__(self, other):
        if not isinstance(other, (int, float, timedelta)):
            return NotImplemented
        usec = self._to_microseconds()
        if isinstance(other, timedelta):
            return usec / other._to_microseconds()
        if isinstance(other, int):
            return timedelta._from_microseconds(_divide_and_round(usec, other))
        a, b = other.as_integer_ratio()
        return timedelta._from_microseconds(_divide_and_round(b * usec, a))

    def __mod__(self, other):
        if isinstance(other, timedelta):
            return timedelta._from_microseconds(self._to_microseconds() % other._to_microseconds())
        return NotImplemented

    def __divmod__(self, other):
        if isinstance(other, timedelta):
            q, r = divmod(self._to_microseconds(), other._to_microseconds())
            return q, timedelta._from_microseconds(r)
        return NotImplemented

    def _getstate(self):
        return (self._days, self._seconds, self._microseconds)

    def __eq__(self, other):
        if isinstance(other, timedelta):
            return self._getstate() == other._getstate()
        return NotImplemented

    def __le__(self, other):
        if isinstance(other, timedelta):
            return self._getstate() <= other._getstate()
        return NotImplemented

    def __lt__(self, other):
        if isinstance(other, timedelta):
            return self._getstate() < other._getstate()
        return NotImplemented

    def __ge__(self, other):
        if isinstance(other, timedelta):
            return self._getstate() >= other._getstate()
        return NotImplemented

    def __gt__(self, other):
        if isinstance(other, timedelta):
            return self._getstate() > other._getstate()
        return NotImplemented

    def __hash__(self):
        return hash(self._getstate())

    def __bool__(self):
        return self._days != 0 or self._seconds != 0 or self._microseconds != 0

    def __reduce__(self):
        return (type(self), self._getstate())




timedelta.min = timedelta(-999999999)
timedelta.max = timedelta(days=999999999, hours=23, minutes=59, seconds=59, microseconds=999999)
timedelta.resolution = timedelta(microseconds=1)


# ---------------------------------------------------------------- date

class date:
    """A calendar day (proleptic Gregorian), with no time of day."""

    __tp_name__ = "datetime.date"

    __slots__ = ('_year', '_month', '_day', '_hashcode')

    def __new__(cls, year, month=None, day=None):
        year, month, day = _check_date_fields(year, month, day)
        self = object.__new__(cls)
        self._year = year
        self._month = month
        self._day = day
        self._hashcode = -1
        return self

    @classmethod
    def fromtimestamp(cls, t):
        y, m, d = _utc_fields(t)[:3]
        return cls(y, m, d)

    @classmethod
    def today(cls):
        return cls.fromtimestamp(_time.time())

    @classmethod
    def fromordinal(cls, n):
        if not 1 <= n <= _MAXORDINAL:
            raise ValueError("ordinal must be >= 1")
        y, m, d = _ord2ymd(n)
        return cls(y, m, d)

    @classmethod
    def fromisoformat(cls, date_string):
        if not isinstance(date_string, str):
            raise TypeError('fromisoformat: argument must be str')
        ymd = _parse_iso_date(date_string, len(date_string)) if len(date_string) in (7, 8, 10) else None
        if ymd is None:
            raise ValueError(f'Invalid isoformat string: {date_string!r}')
        return cls(*ymd)

    @classmethod
    def fromisocalendar(cls, year, week, day):
        return cls(*_isocalendar_to_ymd(year, week, day))

    @classmethod
    def strptime(cls, date_string, format):
        return _strptime(cls, date_string, format)

    def __repr__(self):
        return "%s(%d, %d, %d)" % (_tp(self), self._year, self._month, self._day)

    def ctime(self):
        weekday = self.toordinal() % 7 or 7
        return "%s %s %2d 00:00:00 %04d" % (_DAYNAMES[weekday - 1], _MONTHNAMES[self._month],
                                             self._day, self._year)

    def strftime(self, fmt):
        return _wrap_strftime(self, fmt, self.timetuple())

    def __format__(self, fmt):
        if not isinstance(fmt, str):
            raise TypeError("must be str, not %s" % type(fmt).__name__)
        if len(fmt) != 0:
            return self.strftime(fmt)
        return str(self)

    def isoformat(self):
        return "%04d-%02d-%02d" % (self._year, self._month, self._day)

    __str__ = isoformat

    @property
    def year(self):
        return self._year

    @property
    def month(self):
        return self._month

    @property
    def day(self):
        return self._day

    def timetuple(self):
        return _build_struct_time(self._year, self._month, self._day, 0, 0, 0, -1)

    def toordinal(self):
        return _ymd2ord(self._year, self._month, self._day)

    def replace(self, year=None, month=None, day=None):
        if year is None:
            year = self._year
        if month is None:
            month = self._month
        if day is None:
            day = self._day
        return type(self)(year, month, day)

    def __eq__(self, other):
        if isinstance(other, date) and not isinstance(other, datetime):
            return self._cmp(other) == 0
        return NotImplemented

    def __le__(self, other):
        if isinstance(other, date) and not isinstance(other, datetime):
            return self._cmp(other) <= 0
        return NotImplemented

    def __lt__(self, other):
        if isinstance(other, date) and not isinstance(other, datetime):
            return self._cmp(other) < 0
        return NotImplemented

    def __ge__(self, other):
        if isinstance(other, date) and not isinstance(other, datetime):
            return self._cmp(other) >= 0
        return NotImplemented

    def __gt__(self, other):
        if isinstance(other, date) and not isinstance(other, datetime):
            return self._cmp(other) > 0
        return NotImplemented

    def _cmp(self, other):
        y, m, d = self._year, self._month, self._day
        y2, m2, d2 = other._year, other._month, other._day
        return 0 if (y, m, d) == (y2, m2, d2) else (1 if (y, m, d) > (y2, m2, d2) else -1)

    def __hash__(self):
        return hash((self._year, self._month, self._day))

    def __add__(self, other):
        if isinstance(other, timedelta):
            o = self.toordinal() + other.days
            if 0 < o <= _MAXORDINAL:
                return type(self).fromordinal(o)
            raise OverflowError("date value out of range")
        return NotImplemented

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return self + timedelta(-other.days)
        if isinstance(other, date) and not isinstance(other, datetime):
            return timedelta(self.toordinal() - other.toordinal())
        return NotImplemented

    def weekday(self):
        return (self.toordinal() + 6) % 7

    def isoweekday(self):
        return self.toordinal() % 7 or 7

    def isocalendar(self):
        return _IsoCalendarDate(*_isocalendar(self._year, self._month, self._day))

    def __reduce__(self):
        return (type(self), (self._year, self._month, self._day))


class _IsoCalendarDate(tuple):
    def __new__(cls, year, week, weekday):
        return super().__new__(cls, (year, week, weekday))

    @property
    def year(self):
        return self[0]

    @property
    def week(self):
        return self[1]

    @property
    def weekday(self):
        return self[2]

    def __repr__(self):
        return 'datetime.IsoCalendarDate(year=%d, week=%d, weekday=%d)' % (self[0], self[1], self[2])


def _isocalendar_to_ymd(year, week, day):
    if not MINYEAR <= year <= MAXYEAR:
        raise ValueError(f"Year is out of range: {year}")
    if not 0 < week < 53:
        out_of_range = True
        if week == 53:
            first_weekday = _ymd2ord(year, 1, 1) % 7
            if first_weekday == 4 or (first_weekday == 3 and _is_leap(year)):
                out_of_range = False
        if out_of_range:
            raise ValueError(f"Invalid week: {week}")
    if not 0 < day < 8:
        raise ValueError(f"Invalid weekday: {day} (range is [1, 7])")
    first_day = _ymd2ord(year, 1, 1)
    first_weekday = (first_day + 6) % 7
    monday = first_day - first_weekday
    if first_weekday > 3:
        monday += 7
    return _ord2ymd(monday + (week - 1) * 7 + (day - 1))



# ---------------------------------------------------------------- ISO 8601 parsing
# These follow the C module's parser (CPython 3.11 `_datetimemodule.c`) character by
# character, including what it tolerates: any separator between date and time, a fraction
# of any length (beyond six digits ignored) and, in the basic format, a fraction with no
# separator. A position past the end reads as NUL, as the C code's terminated buffer does.

def _char(s, i):
    return s[i] if 0 <= i < len(s) else '\0'


def _digits(s, pos, count):
    """(value, new position) of `count` decimal digits at pos, or None."""
    value = 0
    for k in range(count):
        c = _char(s, pos + k)
        if not ('0' <= c <= '9'):
            return None
        value = value * 10 + (ord(c) - 48)
    return value, pos + count


def _iso_to_ymd(year, week, day):
    """(y, m, d) of an ISO week date, or an error code (-2 bad week, -3 bad weekday)."""
    if week <= 0 or week >= 53:
        ok = False
        if week == 53:
            first_weekday = _ymd2ord(year, 1, 1) % 7 if year >= 1 else -1
            ok = first_weekday == 4 or (first_weekday == 3 and _is_leap(year))
        if not ok:
            return -2
    if day <= 0 or day >= 8:
        return -3
    first_day = _ymd2ord(year, 1, 1)
    first_weekday = (first_day + 6) % 7
    monday = first_day - first_weekday
    if first_weekday > 3:
        monday += 7
    return _ord2ymd(monday + (week - 1) * 7 + day - 1)


def _parse_iso_date(s, length):
    """(year, month, day) from the first `length` characters, or None when malformed."""
    r = _digits(s, 0, 4)
    if r is None:
        return None
    year, p = r
    sep = _char(s, p) == '-'
    if sep:
        p += 1
    if _char(s, p) == 'W':
        p += 1
        r = _digits(s, p, 2)
        if r is None:
            return None
        week, p = r
        day = 1
        if p < length:
            if sep:
                if _char(s, p) != '-':
                    return None
                p += 1
            r = _digits(s, p, 1)
            if r is None:
                return None
            day, p = r
        ymd = _iso_to_ymd(year, week, day)
        return None if isinstance(ymd, int) else ymd
    r = _digits(s, p, 2)
    if r is None:
        return None
    month, p = r
    if sep:
        if _char(s, p) != '-':
            return None
        p += 1
    r = _digits(s, p, 2)
    if r is None:
        return None
    return year, month, r[0]


def _parse_hhmmss(s, start, end):
    """(status, [h, m, s, us]) of the clock part s[start:end]: status 0 at the end, 1 when
    something follows, None when malformed."""
    vals = [0, 0, 0, 0]
    p = start
    has_sep = True
    fraction = False
    for i in range(3):
        r = _digits(s, p, 2)
        if r is None:
            return None, vals
        vals[i], p = r
        c = _char(s, p)
        p += 1
        if i == 0:
            has_sep = c == ':'
        if p >= end:
            return (0 if c == '\0' else 1), vals
        if has_sep and c == ':':
            continue
        if c == '.' or c == ',':
            fraction = True
            break
        if not has_sep:
            p -= 1
        else:
            return None, vals
    remaining = end - p
    count = 6 if remaining >= 6 else remaining
    if count == 0:
        return None, vals
    r = _digits(s, p, count)
    if r is None:
        return None, vals
    vals[3], p = r
    if count < 6:
        vals[3] *= 10 ** (6 - count)
    while '0' <= _char(s, p) <= '9':
        p += 1
    return (0 if _char(s, p) == '\0' else 1), vals


def _parse_iso_time(s, start):
    """(h, m, s, us, tzinfo) of s[start:], or None when malformed."""
    end = len(s)
    tzpos = start
    while tzpos < end and s[tzpos] not in 'Z+-':
        tzpos += 1
    status, vals = _parse_hhmmss(s, start, tzpos)
    if status is None:
        return None
    if tzpos == end:
        return None if status == 1 else vals + [None]
    if s[tzpos] == 'Z':
        return vals + [timezone.utc] if tzpos + 1 == end else None
    sign = -1 if s[tzpos] == '-' else 1
    status, tz = _parse_hhmmss(s, tzpos + 1, end)
    if status != 0:
        return None
    seconds = sign * (tz[0] * 3600 + tz[1] * 60 + tz[2])
    micro = sign * tz[3]
    if seconds == 0 and micro == 0:
        return vals + [timezone.utc]
    return vals + [timezone(timedelta(0, seconds, micro))]


def _iso_separator(s):
    """Where the date part of an ISO datetime string ends (C's rule, by characters 4 and 5)."""
    n = len(s)
    if n == 7:
        return 7
    if _char(s, 4) == '-':
        if _char(s, 5) != 'W':
            return 10
        if n < 8:
            return -1
        if n > 8 and _char(s, 8) == '-':
            if n == 9:
                return -1
            if n > 10 and _char(s, 10).isdigit():
                return 8
            return 10
        return 8
    if _char(s, 4) == 'W':
        idx = 7
        while idx < n and _char(s, idx).isdigit():
            idx += 1
        if idx < 9:
            return idx
        return 7 if idx % 2 == 0 else 8
    return 8


class _StructTime(tuple):
    _names = ('tm_year', 'tm_mon', 'tm_mday', 'tm_hour', 'tm_min', 'tm_sec', 'tm_wday', 'tm_yday', 'tm_isdst')

    def __repr__(self):
        return 'time.struct_time(%s)' % ', '.join('%s=%r' % (n, v) for n, v in zip(self._names, self))

    def __getattr__(self, name):
        if name in self._names:
            return self[self._names.index(name)]
        raise AttributeError("'time.struct_time' object has no attribute '%s'" % name)


def _build_struct_time(y, m, d, hh, mm, ss, dstflag):
    wday = (_ymd2ord(y, m, d) + 6) % 7
    dnum = _days_before_month(y, m) + d
    return _StructTime((y, m, d, hh, mm, ss, wday, dnum, dstflag))


date.min = date(1, 1, 1)
date.max = date(9999, 12, 31)
date.resolution = timedelta(days=1)


# ---------------------------------------------------------------- tzinfo, time

class tzinfo:
    """Abstract base class for time zone information objects."""

    __tp_name__ = "datetime.tzinfo"
    __slots__ = ()

    def tzname(self, dt):
        raise NotImplementedError("tzinfo subclass must override tzname()")

    def utcoffset(self, dt):
        raise NotImplementedError("tzinfo subclass must override utcoffset()")

    def dst(self, dt):
        raise NotImplementedError("tzinfo subclass must override dst()")

    def fromutc(self, dt):
        if not isinstance(dt, datetime):
            raise TypeError("fromutc() requires a datetime argument")
        if dt.tzinfo is not self:
            raise ValueError("dt.tzinfo is not self")
        dtoff = dt.utcoffset()
        if dtoff is None:
            raise ValueError("fromutc() requires a non-None utcoffset() result")
        dtdst = dt.dst()
        if dtdst is None:
            raise ValueError("fromutc() requires a non-None dst() result")
        delta = dtoff - dtdst
        if delta:
            dt += delta
            dtdst = dt.dst()
            if dtdst is None:
                raise ValueError("fromutc(): dt.dst gave inconsistent results; cannot convert")
        return dt + dtdst


def _check_utc_offset(name, offset):
    if offset is None:
        return
    if not isinstance(offset, timedelta):
        raise TypeError("tzinfo.%s() must return None or timedelta, not '%s'" % (name, type(offset).__name__))
    if not -timedelta(1) < offset < timedelta(1):
        raise ValueError("offset must be a timedelta strictly between -timedelta(hours=24) and "
                         "timedelta(hours=24), not %s." % repr(offset))


def _set_clock(self, hour, minute, second, microsecond, tzinfo, fold):
    """Checks and stores the time-of-day fields a `time` or `datetime` shares."""
    hour, minute, second, microsecond, fold = _check_time_fields(hour, minute, second, microsecond, fold)
    _check_tzinfo_arg(tzinfo)
    self._hour = hour
    self._minute = minute
    self._second = second
    self._microsecond = microsecond
    self._tzinfo = tzinfo
    self._hashcode = -1
    self._fold = fold
    return self


class time:
    """A time of day, optionally with a tzinfo."""

    __tp_name__ = "datetime.time"

    __slots__ = ('_hour', '_minute', '_second', '_microsecond', '_tzinfo', '_hashcode', '_fold')

    def __new__(cls, hour=0, minute=0, second=0, microsecond=0, tzinfo=None, *, fold=0):
        return _set_clock(object.__new__(cls), hour, minute, second, microsecond, tzinfo, fold)

    hour = property(lambda self: self._hour)
    minute = property(lambda self: self._minute)
    second = property(lambda self: self._second)
    microsecond = property(lambda self: self._microsecond)
    tzinfo = property(lambda self: self._tzinfo)
    fold = property(lambda self: self._fold)

    def _cmp(self, other, allow_mixed=False):
        mytz = self._tzinfo
        ottz = other._tzinfo
        myoff = otoff = None
        if mytz is ottz:
            base_compare = True
        else:
            myoff = self.utcoffset()
            otoff = other.utcoffset()
            base_compare = myoff == otoff
        if base_compare:
            a = (self._hour, self._minute, self._second, self._microsecond)
            b = (other._hour, other._minute, other._second, other._microsecond)
            return 0 if a == b else (1 if a > b else -1)
        if myoff is None or otoff is None:
            if allow_mixed:
                return 2
            raise TypeError("can't compare offset-naive and offset-aware times")
        myhhmm = self._hour * 60 + self._minute - myoff // timedelta(minutes=1)
        othhmm = other._hour * 60 + other._minute - otoff // timedelta(minutes=1)
        a = (myhhmm, self._second, self._microsecond)
        b = (othhmm, other._second, other._microsecond)
        return 0 if a == b else (1 if a > b else -1)

    def __eq__(self, other):
        if isinstance(other, time):
            return self._cmp(other, allow_mixed=True) == 0
        return NotImplemented

    def __le__(self, other):
        if isinstance(other, time):
            return self._cmp(other) <= 0
        return NotImplemented

    def __lt__(self, other):
        if isinstance(other, time):
            return self._cmp(other) < 0
        return NotImplemented

    def __ge__(self, other):
        if isinstance(other, time):
            return self._cmp(other) >= 0
        return NotImplemented

    def __gt__(self, other):
        if isinstance(other, time):
            return self._cmp(other) > 0
        return NotImplemented

    def __hash__(self):
        tzoff = self.utcoffset()
        if not tzoff:
            return hash((self._hour, self._minute, self._second, self._microsecond))
        h, m = divmod(timedelta(hours=self._hour, minutes=self._minute) - tzoff, timedelta(hours=1))
        m //= timedelta(minutes=1)
        if 0 <= h < 24:
            return hash(time(h, m, self._second, self._microsecond))
        return hash((h, m, self._second, self._microsecond))

    def __repr__(self):
        if self._microsecond != 0:
            s = ", %d, %d" % (self._second, self._microsecond)
        elif self._second != 0:
            s = ", %d" % self._second
        else:
            s = ""
        s = "%s(%d, %d%s)" % (_tp(self), self._hour, self._minute, s)
        if self._tzinfo is not None:
            s = s[:-1] + ", tzinfo=%r" % self._tzinfo + ")"
        if self._fold:
            s = s[:-1] + ", fold=1)"
        return s

    def isoformat(self, timespec='auto'):
        s = _format_time(self._hour, self._minute, self._second, self._microsecond, timespec)
        tz = self._tzstr()
        if tz:
            s += tz
        return s

    __str__ = isoformat

    def _tzstr(self):
        return _format_offset(self.utcoffset())

    @classmethod
    def fromisoformat(cls, time_string):
        if not isinstance(time_string, str):
            raise TypeError('fromisoformat: argument must be str')
        fields = _parse_iso_time(time_string, 1 if time_string.startswith('T') else 0)
        if fields is None:
            raise ValueError(f'Invalid isoformat string: {time_string!r}')
        return cls(*fields)

    @classmethod
    def strptime(cls, date_string, format):
        return _strptime(cls, date_string, format)

    def strftime(self, fmt):
        return _wrap_strftime(self, fmt, (1900, 1, 1, self._hour, self._minute, self._second, 0, 1, -1))

    def __format__(self, fmt):
        if not isinstance(fmt, str):
            raise TypeError("must be str, not %s" % type(fmt).__name__)
        if len(fmt) != 0:
            return self.strftime(fmt)
        return str(self)

    def utcoffset(self):
        if self._tzinfo is None:
            return None
        offset = self._tzinfo.utcoffset(None)
        _check_utc_offset("utcoffset", offset)
        return offset

    def tzname(self):
        if self._tzinfo is None:
            return None
        return self._tzinfo.tzname(None)

    def dst(self):
        if self._tzinfo is None:
            return None
        offset = self._tzinfo.dst(None)
        _check_utc_offset("dst", offset)
        return offset

    def replace(self, hour=None, minute=None, second=None, microsecond=None, tzinfo=True, *, fold=None):
        if hour is None:
            hour = self._hour
        if minute is None:
            minute = self._minute
        if second is None:
            second = self._second
        if microsecond is None:
            microsecond = self._microsecond
        if tzinfo is True:
            tzinfo = self._tzinfo
        if fold is None:
            fold = self._fold
        return type(self)(hour, minute, second, microsecond, tzinfo, fold=fold)


time.min = time(0, 0, 0)
time.max = time(23, 59, 59, 999999)
time.resolution = timedelta(microseconds=1)


# ---------------------------------------------------------------- datetime

_EPOCH_ORDINAL = 719163


def _utc_fields(t):
    """(y, m, d, hh, mm, ss, us) of POSIX timestamp t, rounded half even to microseconds."""
    if isinstance(t, float):
        if t != t:
            raise ValueError("Invalid value NaN (not a number)")
        frac, whole = _math.modf(t)
        us = round(frac * 1e6)
        if us >= 1000000:
            whole += 1
            us -= 1000000
        elif us < 0:
            whole -= 1
            us += 1000000
        t = int(whole)
    else:
        t = _index(t)
        us = 0
    days, secs = divmod(t, 86400)
    y, m, d = _ord2ymd(days + _EPOCH_ORDINAL)
    hh, rem = divmod(secs, 3600)
    mm, ss = divmod(rem, 60)
    return y, m, d, hh, mm, ss, us


class datetime(date):
    """A date with a time of day, optionally with a tzinfo."""

    __tp_name__ = "datetime.datetime"

    __slots__ = time.__slots__

    def __new__(cls, year, month=None, day=None, hour=0, minute=0, second=0, microsecond=0,
                tzinfo=None, *, fold=0):
        year, month, day = _check_date_fields(year, month, day)
        self = object.__new__(cls)
        self._year = year
        self._month = month
        self._day = day
        return _set_clock(self, hour, minute, second, microsecond, tzinfo, fold)

    # The clock fields read as time's do.
    hour = time.hour
    minute = time.minute
    second = time.second
    microsecond = time.microsecond
    tzinfo = time.tzinfo
    fold = time.fold

    @classmethod
    def fromtimestamp(cls, t, tz=None):
        _check_tzinfo_arg(tz)
        y, m, d, hh, mm, ss, us = _utc_fields(t)
        if tz is None:
            return cls(y, m, d, hh, mm, ss, us)
        result = cls(y, m, d, hh, mm, ss, us, tz)
        return tz.fromutc(result)

    @classmethod
    def utcfromtimestamp(cls, t):
        y, m, d, hh, mm, ss, us = _utc_fields(t)
        return cls(y, m, d, hh, mm, ss, us)

    @classmethod
    def now(cls, tz=None):
        return cls.fromtimestamp(_time.time(), tz)

    @classmethod
    def utcnow(cls):
        return cls.utcfromtimestamp(_time.time())

    @classmethod
    def today(cls):
        return cls.fromtimestamp(_time.time())

    @classmethod
    def combine(cls, date, time, tzinfo=True):
        if not isinstance(date, _date_class):
            raise TypeError("combine() argument 1 must be datetime.date, not %s" % type(date).__name__)
        if not isinstance(time, _time_class):
            raise TypeError("combine() argument 2 must be datetime.time, not %s" % type(time).__name__)
        if tzinfo is True:
            tzinfo = time.tzinfo
        return cls(date.year, date.month, date.day, time.hour, time.minute, time.second,
                   time.microsecond, tzinfo, fold=time.fold)

    @classmethod
    def fromisoformat(cls, date_string):
        if not isinstance(date_string, str):
            raise TypeError('fromisoformat: argument must be str')
        cut = _iso_separator(date_string) if len(date_string) >= 7 else -1
        ymd = _parse_iso_date(date_string, cut) if cut >= 0 else None
        fields = [0, 0, 0, 0, None]
        if ymd is not None and len(date_string) > cut:
            fields = _parse_iso_time(date_string, cut + 1)
        if ymd is None or fields is None:
            raise ValueError(f'Invalid isoformat string: {date_string!r}')
        return cls(*(list(ymd) + fields))

    @classmethod
    def strptime(cls, date_string, format):
        return _strptime(cls, date_string, format)

    def timetuple(self):
        dst = self.dst()
        if dst is None:
            dst = -1
        elif dst:
            dst = 1
        else:
            dst = 0
        return _build_struct_time(self.year, self.month, self.day, self.hour, self.minute, self.second, dst)

    def utctimetuple(self):
        offset = self.utcoffset()
        if offset:
            self -= offset
        return _build_struct_time(self.year, self.month, self.day, self.hour, self.minute, self.second, 0)

    def timestamp(self):
        if self._tzinfo is None:
            s = (self.toordinal() - _EPOCH_ORDINAL) * 86400 + self._hour * 3600 + self._minute * 60 + self._second
            return s + self.microsecond / 1e6
        return (self - _EPOCH).total_seconds()

    def date(self):
        return date(self._year, self._month, self._day)

    def time(self):
        return time(self.hour, self.minute, self.second, self.microsecond, fold=self.fold)

    def timetz(self):
        return time(self.hour, self.minute, self.second, self.microsecond, self._tzinfo, fold=self.fold)

    def replace(self, year=None, month=None, day=None, hour=None, minute=None, second=None,
                microsecond=None, tzinfo=True, *, fold=None):
        if year is None:
            year = self.year
        if month is None:
            month = self.month
        if day is None:
            day = self.day
        if hour is None:
            hour = self.hour
        if minute is None:
            minute = self.minute
        if second is None:
            second = self.second
        if microsecond is None:
            microsecond = self.microsecond
        if tzinfo is True:
            tzinfo = self.tzinfo
        if fold is None:
            fold = self.fold
        return type(self)(year, month, day, hour, minute, second, microsecond, tzinfo, fold=fold)

    def astimezone(self, tz=None):
        if tz is None:
            tz = timezone.utc
        elif not isinstance(tz, tzinfo):
            raise TypeError("astimezone() argument 1 must be datetime.tzinfo, not %s" % type(tz).__name__)
        mytz = self.tzinfo
        if mytz is None:
            myoffset = timedelta(0)
        else:
            if tz is mytz:
                return self
            myoffset = self.utcoffset()
            if myoffset is None:
                myoffset = timedelta(0)
        if tz is mytz:
            return self
        utc = (self - myoffset).replace(tzinfo=tz)
        return tz.fromutc(utc)

    def ctime(self):
        weekday = self.toordinal() % 7 or 7
        return "%s %s %2d %02d:%02d:%02d %04d" % (_DAYNAMES[weekday - 1], _MONTHNAMES[self._month],
                                                   self._day, self._hour, self._minute, self._second, self._year)

    def isoformat(self, sep='T', timespec='auto'):
        s = ("%04d-%02d-%02d%c" % (self._year, self._month, self._day, sep) +
             _format_time(self._hour, self._minute, self._second, self._microsecond, timespec))
        off = self.utcoffset()
        tz = _format_offset(off)
        if tz:
            s += tz
        return s

    def __repr__(self):
        L = [self._year, self._month, self._day, self._hour, self._minute, self._second, self._microsecond]
        if L[-1] == 0:
            del L[-1]
        if L[-1] == 0:
            del L[-1]
        s = "%s(%s)" % (_tp(self), ", ".join(map(str, L)))
        if self._tzinfo is not None:
            s = s[:-1] + ", tzinfo=%r" % self._tzinfo + ")"
        if self._fold:
            s = s[:-1] + ", fold=1)"
        return s

    def __str__(self):
        return self.isoformat(sep=' ')

    def strftime(self, fmt):
        return _wrap_strftime(self, fmt, self.timetuple())

    def utcoffset(self):
        if self._tzinfo is None:
            return None
        offset = self._tzinfo.utcoffset(self)
        _check_utc_offset("utcoffset", offset)
        return offset

    def tzname(self):
        if self._tzinfo is None:
            return None
        return self._tzinfo.tzname(self)

    def dst(self):
        if self._tzinfo is None:
            return None
        offset = self._tzinfo.dst(self)
        _check_utc_offset("dst", offset)
        return offset

    def __eq__(self, other):
        if isinstance(other, datetime):
            return self._cmp(other, allow_mixed=True) == 0
        if not isinstance(other, date):
            return NotImplemented
        return False

    def __le__(self, other):
        if isinstance(other, datetime):
            return self._cmp(other) <= 0
        if not isinstance(other, date):
            return NotImplemented
        _cmperror(self, other)

    def __lt__(self, other):
        if isinstance(other, datetime):
            return self._cmp(other) < 0
        if not isinstance(other, date):
            return NotImplemented
        _cmperror(self, other)

    def __ge__(self, other):
        if isinstance(other, datetime):
            return self._cmp(other) >= 0
        if not isinstance(other, date):
            return NotImplemented
        _cmperror(self, other)

    def __gt__(self, other):
        if isinstance(other, datetime):
            return self._cmp(other) > 0
        if not isinstance(other, date):
            return NotImplemented
        _cmperror(self, other)

    def _fields(self):
        return (self._year, self._month, self._day, self._hour, self._minute, self._second, self._microsecond)

    def _cmp(self, other, allow_mixed=False):
        mytz = self._tzinfo
        ottz = other._tzinfo
        myoff = otoff = None
        if mytz is ottz:
            base_compare = True
        else:
            myoff = self.utcoffset()
            otoff = other.utcoffset()
            base_compare = myoff == otoff
        if base_compare:
            a, b = self._fields(), other._fields()
            return 0 if a == b else (1 if a > b else -1)
        if myoff is None or otoff is None:
            if allow_mixed:
                return 2
            raise TypeError("can't compare offset-naive and offset-aware datetimes")
        diff = self - other
        if diff.days < 0:
            return -1
        return 1 if diff else 0

    def __add__(self, other):
        if not isinstance(other, timedelta):
            return NotImplemented
        return self._shifted(other._to_microseconds())

    __radd__ = __add__

    def _shifted(self, us):
        """self moved by `us` microseconds, keeping its tzinfo."""
        total = ((self.toordinal() * 86400 + self._hour * 3600 + self._minute * 60 + self._second)
                 * 1000000 + self._microsecond + us)
        days, rem = divmod(total, 86400000000)
        if not 0 < days <= _MAXORDINAL:
            raise OverflowError("date value out of range")
        seconds, microsecond = divmod(rem, 1000000)
        hour, rem = divmod(seconds, 3600)
        minute, second = divmod(rem, 60)
        y, m, d = _ord2ymd(days)
        return type(self)(y, m, d, hour, minute, second, microsecond, self._tzinfo)

    def __sub__(self, other):
        if not isinstance(other, datetime):
            if isinstance(other, timedelta):
                return self._shifted(-other._to_microseconds())
            return NotImplemented
        days1 = self.toordinal()
        days2 = other.toordinal()
        secs1 = self._second + self._minute * 60 + self._hour * 3600
        secs2 = other._second + other._minute * 60 + other._hour * 3600
        base = timedelta(days1 - days2, secs1 - secs2, self._microsecond - other._microsecond)
        if self._tzinfo is other._tzinfo:
            return base
        myoff = self.utcoffset()
        otoff = other.utcoffset()
        if myoff == otoff:
            return base
        if myoff is None or otoff is None:
            raise TypeError("can't subtract offset-naive and offset-aware datetimes")
        return base + otoff - myoff

    def __hash__(self):
        if self.fold:
            t = self.replace(fold=0)
        else:
            t = self
        tzoff = t.utcoffset()
        if tzoff is None:
            return hash(t._fields())
        days = _ymd2ord(self.year, self.month, self.day)
        seconds = self.hour * 3600 + self.minute * 60 + self.second
        return hash(timedelta(days, seconds, self.microsecond) - tzoff)

    def __reduce__(self):
        return (type(self), self._fields() + ((self._tzinfo,) if self._tzinfo is not None else ()))


datetime.min = datetime(1, 1, 1)
datetime.max = datetime(9999, 12, 31, 23, 59, 59, 999999)
datetime.resolution = timedelta(microseconds=1)

_date_class = date
_time_class = time


# ---------------------------------------------------------------- timezone

class timezone(tzinfo):
    """A fixed offset from UTC."""

    __tp_name__ = "datetime.timezone"

    __slots__ = ('_offset', '_name')

    _Omitted = object()

    def __new__(cls, offset, name=_Omitted):
        if not isinstance(offset, timedelta):
            raise TypeError("timezone() argument 1 must be datetime.timedelta, not %s" % type(offset).__name__)
        if name is cls._Omitted:
            if not offset:
                return cls.utc
            name = None
        elif not isinstance(name, str):
            raise TypeError("timezone() argument 2 must be str, not %s" % type(name).__name__)
        if not cls._minoffset <= offset <= cls._maxoffset:
            raise ValueError("offset must be a timedelta strictly between -timedelta(hours=24) and "
                             "timedelta(hours=24), not %s." % repr(offset))
        return cls._create(offset, name)

    @classmethod
    def _create(cls, offset, name=None):
        self = tzinfo.__new__(cls)
        self._offset = offset
        self._name = name
        return self

    def __getinitargs__(self):
        if self._name is None:
            return (self._offset,)
        return (self._offset, self._name)

    def __eq__(self, other):
        if isinstance(other, timezone):
            return self._offset == other._offset
        return NotImplemented

    def __hash__(self):
        return hash(self._offset)

    def __repr__(self):
        if self is self.utc:
            return 'datetime.timezone.utc'
        if self._name is None:
            return "%s(%r)" % (_tp(self), self._offset)
        return "%s(%r, %r)" % (_tp(self), self._offset, self._name)

    def __str__(self):
        return self.tzname(None)

    def utcoffset(self, dt):
        if isinstance(dt, datetime) or dt is None:
            return self._offset
        raise TypeError("utcoffset() argument must be a datetime instance or None")

    def tzname(self, dt):
        if isinstance(dt, datetime) or dt is None:
            if self._name is None:
                return self._name_from_offset(self._offset)
            return self._name
        raise TypeError("tzname() argument must be a datetime instance or None")

    def dst(self, dt):
        if isinstance(dt, datetime) or dt is None:
            return None
        raise TypeError("dst() argument must be a datetime instance or None")

    def fromutc(self, dt):
        if isinstance(dt, datetime):
            if dt.tzinfo is not self:
                raise ValueError("fromutc: dt.tzinfo is not self")
            return dt + self._offset
        raise TypeError("fromutc() argument must be a datetime instance or None")

    _maxoffset = timedelta(hours=24, microseconds=-1)
    _minoffset = -_maxoffset

    @staticmethod
    def _name_from_offset(delta):
        if not delta:
            return 'UTC'
        if delta < timedelta(0):
            sign = '-'
            delta = -delta
        else:
            sign = '+'
        hours, rest = divmod(delta, timedelta(hours=1))
        minutes, rest = divmod(rest, timedelta(minutes=1))
        seconds = rest.seconds
        microseconds = rest.microseconds
        if microseconds:
            return (f'UTC{sign}{hours:02d}:{minutes:02d}:{seconds:02d}'
                    f'.{microseconds:06d}')
        if seconds:
            return f'UTC{sign}{hours:02d}:{minutes:02d}:{seconds:02d}'
        return f'UTC{sign}{hours:02d}:{minutes:02d}'


UTC = timezone.utc = timezone._create(timedelta(0))
timezone.min = timezone._create(-timedelta(hours=23, minutes=59))
timezone.max = timezone._create(timedelta(hours=23, minutes=59))
_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)

_OWN_CLASSES = (date, datetime, time, timedelta, tzinfo, timezone)
"""#
