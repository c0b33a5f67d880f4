import numpy as np
rng = np.random.default_rng(2024)
rng.uniform([0, 1], [1, 2])
#---
rng.poisson([1, 5, 10])
#---
rng.binomial([5, 10], 0.5)
#---
rng.normal(0, [1, 10], size=(2, 2))
#---
m = np.arange(12).reshape(4, 3)
rng.shuffle(m)
m
#---
rng.permutation(np.arange(6).reshape(3, 2))
#---
rng.choice(np.arange(10) * 2, 3, replace=False)
#---
rng.choice(5, size=(2, 2))
#---
rng.choice(100, 5, replace=False, shuffle=False)
#---
rng.integers(5, size=0)
#---
rng.random(size=())
#---
rng.exponential()
#---
type(rng.random()).__name__, type(rng.integers(3)).__name__, type(rng.poisson(2)).__name__
#---
np.random.default_rng(np.random.PCG64(1)).random()
#---
g = np.random.default_rng(3)
np.random.default_rng(g) is g
#---
np.random.seed(5)
np.random.poisson([1, 2, 30])
#---
np.random.exponential()
#---
np.random.rand(0)
#---
np.random.choice(5, size=(2, 2))
#---
np.random.choice(np.arange(10) * 3, 4, replace=False)
#---
np.random.RandomState(np.random.MT19937(3)).rand(2)
#---
type(np.random.rand()).__name__, type(np.random.randint(3)).__name__, type(np.random.poisson(2)).__name__
#---
rs = np.random.RandomState(11)
rs.binomial(0, 0.5), rs.rand()
#---
np.random.seed(1)
np.random.multivariate_normal([1, 2], [[2.0, 0.5], [0.5, 1.0]], size=3)
#---
np.random.default_rng(1).multivariate_normal([1, 2], [[2.0, 0.5], [0.5, 1.0]], size=3)
#---
np.random.seed(3)
np.random.normal(size=(3,)).round(3)
#---
np.random.seed(0)
x = np.random.rand(1000)
float(x.mean())

#---
np.random.seed(9)
print(np.random.choice(['heads', 'tails']), np.random.choice(('a', 'b', 'c')))
#---
rng = np.random.default_rng(77)
rng.integers([0, 10, 100], [5, 20, 1000])
#---
rng.integers(0, [3, 30], size=(2, 2))
#---
np.random.seed(77)
np.random.randint([0, 10, 100], 1000)
#---
np.random.randint(1, [2, 3, 4], dtype=np.int32)
#---
parent = np.random.default_rng(8)
[child.integers(1000) for child in parent.spawn(3)]
#---
np.random.SeedSequence(42).pool.tolist()
#---
np.random.SeedSequence(1, spawn_key=(2, 3)).generate_state(3).tolist()
#---
np.random.SeedSequence(7).spawn(2)[1]
#---
[int(v) for v in np.random.PCG64(11).random_raw(3)]
#---
[int(v) for v in np.random.MT19937(11).random_raw(2)]
#---
np.random.default_rng(5).standard_exponential(3, method='inv')
#---
np.random.default_rng(5).standard_gamma(0.5, 3)
#---
np.random.seed(3)
st = np.random.get_state()
a = np.random.randn(3)
np.random.set_state(st)
b = np.random.randn(3)
print(st[0], len(st[1]), st[2], st[3], st[4], (a == b).all())
#---
np.random.randn()
s2 = np.random.get_state()
print(s2[2], s2[3], s2[4])
x = np.random.randn()
np.random.set_state(s2)
x == np.random.randn()
#---
d = np.random.get_state(legacy=False)
sorted(d), d['state']['pos'], int(d['state']['key'][5])
#---
g = np.random.default_rng(12)
g.bit_generator.state
#---
g.integers(0, 10, 3)
g.bit_generator.state
#---
saved = g.bit_generator.state
u = g.random(2)
g.bit_generator.state = saved
(g.random(2) == u).all()
#---
m = np.random.MT19937(4)
m.state['state']['pos'], int(m.state['state']['key'][100])
#---
np.random.default_rng(np.int64(5)).random(2)
#---
np.random.seed(np.int64(3))
np.random.randint(np.int64(10), size=np.int64(3))
#---
np.random.seed(np.array([4, 5, 6]))
np.random.rand(2)
#---
np.random.RandomState(np.int32(9)).randn(2)
