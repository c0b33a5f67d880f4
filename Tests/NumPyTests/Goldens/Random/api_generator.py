import numpy as np
rng = np.random.default_rng(42)
print(rng)
#---
rng.random(3)
#---
rng.random()
#---
rng.random((2, 2))
#---
rng.random(3, dtype=np.float32)
#---
rng.standard_normal(4)
#---
rng.standard_normal()
#---
rng.standard_normal(3, dtype=np.float32)
#---
rng.normal(5, 2, size=(2, 2))
#---
rng.normal([0, 10, 20], 1)
#---
rng.uniform(-1, 1, 3)
#---
rng.integers(10)
#---
rng.integers(0, 10, size=8)
#---
rng.integers(1, 6, size=5, endpoint=True)
#---
rng.integers(-5, 5, size=(2, 3), dtype=np.int8)
#---
rng.integers(2, size=4, dtype=bool)
#---
rng.integers(0, 2**40, size=3)
#---
rng.exponential(1.0, 4)
#---
rng.standard_exponential(3)
#---
rng.gamma(3.0, 2.0, 3)
#---
rng.beta(2.0, 5.0, 3)
#---
rng.poisson(5, 6)
#---
rng.poisson(20.5)
#---
rng.binomial(10, 0.3, 6)
#---
rng.binomial(500, 0.4)
#---
rng.multinomial(10, [0.3, 0.7], size=2)
#---
rng.choice(10, 4)
#---
rng.choice(10)
#---
rng.choice(10, 4, replace=False)
#---
rng.choice(5, 3, p=[0.1, 0, 0.3, 0.6, 0])
#---
rng.choice([10, 20, 30], 5)
#---
rng.permutation(8)
#---
rng.permutation([10, 20, 30, 40])
#---
a = np.arange(5)
rng.shuffle(a)
a
#---
l = [1, 2, 3, 4, 5]
rng.shuffle(l)
l
#---
g = np.random.default_rng([1, 2, 3])
g.random(2)
#---
g = np.random.default_rng(2**70)
g.integers(0, 100, 4)
#---
g = np.random.Generator(np.random.PCG64(5))
g.random(2)
#---
g = np.random.Generator(np.random.MT19937(5))
g.random(2)
#---
np.random.SeedSequence(42)
#---
np.random.SeedSequence(42).generate_state(2).tolist()
#---
np.random.PCG64(3).random_raw()
#---
np.random.default_rng(1).multivariate_normal([0, 0], [[1, 0], [0, 1]], size=2).shape
#---
children = np.random.SeedSequence(5).spawn(2)
[np.random.default_rng(c).integers(100) for c in children]
