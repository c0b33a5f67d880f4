#!/usr/bin/env python3
"""Writes Tests/NumPyTests/Goldens/Random/{legacy,generator}.txt: draws from real NumPy that the
Swift generators must reproduce bit for bit (Tests/NumPyTests/Random*GoldenTests.swift hold
the same cases by name).

Run by hand with the venv beside PyTorch (never in tests or CI):
    ~/torch-venv/bin/python scripts/numpy-random/make_goldens.py
Format: "## case-name" then one value per line: floats as float.hex(), integers in decimal.
"""
import os

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "Tests/NumPyTests/Goldens/Random")
RS = np.random.RandomState
G = np.random.default_rng


def legacy_cases():
    def shuffled(seed, n):
        r = RS(seed); x = list(range(n)); r.shuffle(x); return x

    def randn_split(seed):
        r = RS(seed); return list(r.randn(3)) + list(r.randn(4)) + [r.random_sample()] + list(r.randn(2))

    def binomial_zero_then_random(r):
        return [r.binomial(0, 0.5), r.random_sample()]

    return {
        "random_sample seed 0": lambda: RS(0).random_sample(2000),
        "random_sample seed 42": lambda: RS(42).random_sample(500),
        "random_sample seed 4294967295": lambda: RS(2**32 - 1).random_sample(500),
        "random_sample seed [1, 2, 3]": lambda: RS([1, 2, 3]).random_sample(500),
        "random_sample seed range(700)": lambda: RS(list(range(700))).random_sample(500),
        "randn seed 0": lambda: RS(0).randn(3001),
        "randn split seed 7": lambda: randn_split(7),
        "normal 1.5 2 seed 3": lambda: RS(3).normal(1.5, 2.0, 1000),
        "uniform -2 3 seed 4": lambda: RS(4).uniform(-2, 3, 1000),
        "exponential 2 seed 5": lambda: RS(5).exponential(2.0, 1000),
        "gamma 0.5 2 seed 6": lambda: RS(6).gamma(0.5, 2.0, 1000),
        "gamma 3 1 seed 6": lambda: RS(6).gamma(3.0, 1.0, 1000),
        "beta 0.5 0.5 seed 8": lambda: RS(8).beta(0.5, 0.5, 1000),
        "beta 2 3 seed 8": lambda: RS(8).beta(2.0, 3.0, 1000),
        "poisson 3 seed 9": lambda: RS(9).poisson(3.0, 1000),
        "poisson 50 seed 9": lambda: RS(9).poisson(50.0, 1000),
        "binomial 10 0.3 seed 10": lambda: RS(10).binomial(10, 0.3, 1000),
        "binomial 100 0.6 seed 10": lambda: RS(10).binomial(100, 0.6, 1000),
        "binomial 1000 0.2 seed 10": lambda: RS(10).binomial(1000, 0.2, 1000),
        "binomial 0 0.5 then random seed 10": lambda: binomial_zero_then_random(RS(10)),
        "multinomial 20 seed 11": lambda: RS(11).multinomial(20, [0.2, 0.3, 0.5], size=100).ravel(),
        "randint 0 10 seed 0": lambda: RS(0).randint(0, 10, 1000),
        "randint -5 5 seed 1": lambda: RS(1).randint(-5, 5, 1000),
        "randint 0 2**40 seed 2": lambda: RS(2).randint(0, 2**40, 500),
        "randint int8 -100 100 seed 3": lambda: RS(3).randint(-100, 100, 1000, dtype=np.int8),
        "randint int16 0 1000 seed 3": lambda: RS(3).randint(0, 1000, 1000, dtype=np.int16),
        "randint int32 -7 1000000 seed 3": lambda: RS(3).randint(-7, 1000000, 1000, dtype=np.int32),
        "randint uint8 0 256 seed 3": lambda: RS(3).randint(0, 256, 1000, dtype=np.uint8),
        "randint bool seed 3": lambda: RS(3).randint(0, 2, 1000, dtype=bool).astype(int),
        "randint uint64 0 2**64 seed 3": lambda: RS(3).randint(0, 2**64, 300, dtype=np.uint64),
        "choice 10 50 seed 12": lambda: RS(12).choice(10, 50),
        "choice 10 5 noreplace seed 12": lambda: RS(12).choice(10, 5, replace=False),
        "choice 5 100 p seed 12": lambda: RS(12).choice(5, 100, p=[0.1, 0.2, 0.3, 0.25, 0.15]),
        "choice 6 4 noreplace p seed 12": lambda: RS(12).choice(6, 4, replace=False, p=[0.1, 0.2, 0.3, 0.1, 0.05, 0.25]),
        "permutation 50 seed 13": lambda: RS(13).permutation(50),
        "shuffle list 30 seed 14": lambda: shuffled(14, 30),
    }


def generator_cases():
    def shuffled(seed, n):
        r = G(seed); x = list(range(n)); r.shuffle(x); return x

    return {
        "random seed 0": lambda: G(0).random(2000),
        "random seed 42": lambda: G(42).random(500),
        "random seed 2**70+5": lambda: G(2**70 + 5).random(300),
        "random seed [1, 2, 3]": lambda: G([1, 2, 3]).random(300),
        "random seed range(10)": lambda: G(list(range(10))).random(300),
        "random float32 seed 1": lambda: G(1).random(500, dtype=np.float32),
        "standard_normal seed 0": lambda: G(0).standard_normal(5000),
        "standard_normal float32 seed 0": lambda: G(0).standard_normal(3000, dtype=np.float32),
        "normal 1.5 2 seed 3": lambda: G(3).normal(1.5, 2.0, 1000),
        "uniform -2 3 seed 4": lambda: G(4).uniform(-2, 3, 1000),
        "exponential 2 seed 5": lambda: G(5).exponential(2.0, 3000),
        "standard_exponential float32 seed 5": lambda: G(5).standard_exponential(2000, dtype=np.float32),
        "gamma 0.5 2 seed 6": lambda: G(6).gamma(0.5, 2.0, 1000),
        "gamma 2.5 1 seed 6": lambda: G(6).gamma(2.5, 1.0, 1000),
        "beta 0.5 0.5 seed 8": lambda: G(8).beta(0.5, 0.5, 1000),
        "beta 2 3 seed 8": lambda: G(8).beta(2.0, 3.0, 1000),
        "poisson 3 seed 9": lambda: G(9).poisson(3.0, 1000),
        "poisson 40 seed 9": lambda: G(9).poisson(40.0, 1000),
        "binomial 10 0.3 seed 10": lambda: G(10).binomial(10, 0.3, 1000),
        "binomial 1000 0.4 seed 10": lambda: G(10).binomial(1000, 0.4, 1000),
        "binomial 100 0.9 seed 10": lambda: G(10).binomial(100, 0.9, 1000),
        "integers 0 10 seed 0": lambda: G(0).integers(0, 10, 1000),
        "integers -5 5 endpoint seed 1": lambda: G(1).integers(-5, 5, 1000, endpoint=True),
        "integers 0 2**40 seed 2": lambda: G(2).integers(0, 2**40, 500),
        "integers 0 2**32 seed 2": lambda: G(2).integers(0, 2**32, 500),
        "integers int8 -100 100 seed 3": lambda: G(3).integers(-100, 100, 1000, dtype=np.int8),
        "integers int16 0 1000 seed 3": lambda: G(3).integers(0, 1000, 1000, dtype=np.int16),
        "integers int32 -7 1000000 seed 3": lambda: G(3).integers(-7, 1000000, 1000, dtype=np.int32),
        "integers uint8 0 256 seed 3": lambda: G(3).integers(0, 256, 1000, dtype=np.uint8),
        "integers bool seed 3": lambda: G(3).integers(0, 2, 1000, dtype=bool).astype(int),
        "integers uint64 0 2**64 seed 3": lambda: G(3).integers(0, 2**64, 300, dtype=np.uint64),
        "choice 10 50 seed 12": lambda: G(12).choice(10, 50),
        "choice 10 5 noreplace seed 12": lambda: G(12).choice(10, 5, replace=False),
        "choice 1000 300 noreplace seed 12": lambda: G(12).choice(1000, 300, replace=False),
        "choice 1000 300 noreplace noshuffle seed 12": lambda: G(12).choice(1000, 300, replace=False, shuffle=False),
        "choice 20000 1000 noreplace seed 12": lambda: G(12).choice(20000, 1000, replace=False),
        "choice 5 100 p seed 12": lambda: G(12).choice(5, 100, p=[0.1, 0.2, 0.3, 0.25, 0.15]),
        "choice 6 4 noreplace p seed 12": lambda: G(12).choice(6, 4, replace=False, p=[0.1, 0.2, 0.3, 0.1, 0.05, 0.25]),
        "permutation 50 seed 13": lambda: G(13).permutation(50),
        "shuffle list 30 seed 14": lambda: shuffled(14, 30),
        "multinomial 20 seed 11": lambda: G(11).multinomial(20, [0.2, 0.3, 0.5], size=100).ravel(),
    }


def text(value):
    if isinstance(value, (float, np.floating)):
        return float(value).hex()
    return str(int(value))


def write(name, cases):
    lines = [f"# Generated by scripts/numpy-random/make_goldens.py with NumPy {np.__version__}. Do not edit."]
    for case, make in cases.items():
        lines.append(f"## {case}")
        values = make()
        values = values.ravel().tolist() if isinstance(values, np.ndarray) else list(values)
        lines.extend(text(v) for v in values)
    with open(os.path.join(OUT, name), "w") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    write("legacy.txt", legacy_cases())
    write("generator.txt", generator_cases())
    print("wrote", OUT)
