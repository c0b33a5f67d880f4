"""unicodedata against CPython 3.11's (Unicode 14.0.0): the four normalization forms and
is_normalized on random strings of letters, marks, Hangul, compatibility characters and
combining sequences; category, combining, decomposition, mirrored, name, decimal, digit and
numeric on sampled code points; the error messages. Lone surrogates are left out (Gradbook's
str cannot hold them). One line per case, keyed by its first word."""
import unicodedata as u
import random
r = random.Random(0)
print(u.unidata_version)
ranges = [(0x20, 0x250), (0x300, 0x370), (0x370, 0x3ff), (0x400, 0x4ff), (0x590, 0x6ff), (0x900, 0x97f), (0x1100, 0x11ff),
          (0x1e00, 0x1fff), (0x2000, 0x2bff), (0x3000, 0x30ff), (0xac00, 0xd7a3), (0xf900, 0xfaff), (0xfb00, 0xfdff),
          (0xfe20, 0xfe2f), (0xff00, 0xffef), (0x1d15e, 0x1d1c0), (0x1f100, 0x1f1ff), (0x2f800, 0x2fa1d), (0x10000, 0x10ffff)]
bad = 0
for case in range(400):
    lo, hi = r.choice(ranges)
    s = ''.join(chr(r.randint(lo, hi)) for _ in range(r.randint(1, 6)))
    if r.random() < 0.5:
        s += ''.join(chr(r.choice([0x301, 0x300, 0x323, 0x327, 0x308, 0x345, 0x328, 0x31b, 0x1161, 0x11a8, 0x3099])) for _ in range(r.randint(1, 3)))
    for f in ("NFC", "NFD", "NFKC", "NFKD"):
        print(f'@{case}', f, [hex(ord(c)) for c in u.normalize(f, s)], u.is_normalized(f, s))
for cp in list(range(0, 0x3000, 29)) + [q for q in (r.randint(0, 0x10ffff) for _ in range(600)) if not 0xd800 <= q < 0xe000]:
    c = chr(cp)
    print('@' + hex(cp), u.category(c), u.combining(c), u.decomposition(c), u.mirrored(c), u.name(c, None), u.decimal(c, None), u.digit(c, None), u.numeric(c, None))
for e in [lambda: u.category(1), lambda: u.category("ab"), lambda: u.normalize("X","a"), lambda: u.normalize(1,"a"), lambda: u.normalize("NFC",1), lambda: u.decimal("a"), lambda: u.digit("a"), lambda: u.numeric("a"), lambda: u.lookup("FOO"), lambda: u.category(), lambda: u.name("a",1,2), lambda: u.combining(""), lambda: u.name(chr(0x378)), lambda: u.normalize("NFC"), lambda: u.lookup("hangul syllable gag")]:
    try: print(e())
    except Exception as ex: print(type(ex).__name__, ex)
print(u.lookup('LATIN SMALL LETTER A'), u.lookup('HANGUL SYLLABLE GAG'), u.lookup('latin capital letter b'), u.name('\uac01'), u.name('\u9fa5'))
print(u.normalize('NFD', 'Ślusàrski'), len(u.normalize('NFD', 'Ślusàrski')))
