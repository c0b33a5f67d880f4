"""Checks which algorithm PyTorch's unstable CPU sort runs for int32/int64/float32/float64.

PyTorch 2.15's SortingKernel.cpp can send these dtypes to Intel's x86-simd-sort, but only when
built with USE_X86_SIMD_SORT. This compiles libstdc++ std::sort with ATen's KeyValueCompAsc /
KeyValueCompDesc comparators (NaN last / first) and compares its indices with torch.sort's on
random lines full of ties, NaN, +-0.0 and +-inf. Equal indices everywhere except the fbgemm radix
path (1-d ascending integers of >= 32768 elements, stable) mean the wheel sorts them with
std::sort, which SortAlgorithm.swift follows.

Run:  ~/torch-venv/bin/python scripts/audit/xss-sort-check.py   (needs g++)
      ATEN_CPU_CAPABILITY=avx2 ~/torch-venv/bin/python scripts/audit/xss-sort-check.py
Result on 2026-12-07 (Zen 4, torch 2.15.0): cases 624 mismatched 2 (both int 40000 ascending:
radix), identical at avx2 and avx512.
"""
import os
import random
import subprocess
import tempfile

import torch

CPP = r"""
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <vector>
int main() {
  int desc, n;
  while (scanf("%d %d", &desc, &n) == 2) {
    std::vector<std::pair<double, int64_t>> v(n);
    for (int i = 0; i < n; i++) { scanf("%lf", &v[i].first); v[i].second = i; }
    if (desc)
      std::sort(v.begin(), v.end(), [](const auto& a, const auto& b) {
        return (std::isnan(a.first) && !std::isnan(b.first)) || a.first > b.first; });
    else
      std::sort(v.begin(), v.end(), [](const auto& a, const auto& b) {
        return (!std::isnan(a.first) && std::isnan(b.first)) || a.first < b.first; });
    for (auto& p : v) printf("%ld ", (long)p.second);
    printf("\n");
  }
}
"""


def build():
    d = tempfile.mkdtemp()
    src, exe = os.path.join(d, "s.cpp"), os.path.join(d, "s")
    open(src, "w").write(CPP)
    subprocess.run(["g++", "-O2", src, "-o", exe], check=True)
    return exe


def cases():
    torch.manual_seed(1)
    random.seed(1)
    for dt in [torch.int64, torch.int32, torch.float32, torch.float64]:
        for n in list(range(1, 70)) + [100, 129, 257, 300, 1000, 2000, 5000, 20000, 40000]:
            for desc in (False, True):
                k = random.choice([2, 3, 4, 10, 1000])
                x = torch.randint(-k, k, (n,)).to(dt)
                if dt.is_floating_point and n > 3:
                    x[::random.choice([3, 7, 11])] = float("nan")
                    x[1::5] = -0.0
                    x[2::9] = 0.0
                    x[3::13] = float("inf")
                    x[4::17] = -float("inf")
                    if random.random() < 0.3:
                        x.copy_(torch.randn(n).to(dt))
                yield x, desc


def main():
    exe = build()
    cs = list(cases())
    text = "".join("%d %d\n%s\n" % (int(d), x.numel(), " ".join(repr(v) for v in x.double().tolist()))
                   for x, d in cs)
    lines = subprocess.run([exe], input=text, capture_output=True, text=True, check=True).stdout.split("\n")
    bad = 0
    for (x, d), line in zip(cs, lines):
        got = torch.sort(x, descending=d, stable=False)[1].tolist()
        if got != [int(t) for t in line.split()]:
            bad += 1
            print("mismatch", x.dtype, x.numel(), "descending" if d else "ascending")
    print("cases", len(cs), "mismatched", bad)


if __name__ == "__main__":
    main()
