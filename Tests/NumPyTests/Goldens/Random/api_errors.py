import numpy as np
np.random.seed(-1)
#---
np.random.seed(2**32)
#---
np.random.seed([])
#---
np.random.seed(1.5)
#---
np.random.default_rng(-1)
#---
np.random.default_rng(1.5)
#---
np.random.randint(5, 5)
#---
np.random.randint(-1, 5, dtype=np.uint8)
#---
np.random.randint(0, 300, dtype=np.uint8)
#---
np.random.default_rng(0).integers(5, 5)
#---
np.random.default_rng(0).integers(5, 4, endpoint=True)
#---
np.random.normal(0, -1)
#---
np.random.default_rng(0).normal(0, -1)
#---
np.random.uniform(0, np.inf)
#---
np.random.default_rng(0).uniform(0, np.inf)
#---
np.random.exponential(-1)
#---
np.random.gamma(-1)
#---
np.random.beta(0, 1)
#---
np.random.poisson(-1)
#---
np.random.default_rng(0).poisson(1e20)
#---
np.random.binomial(-1, 0.5)
#---
np.random.binomial(1, 1.5)
#---
np.random.choice(0)
#---
np.random.choice([])
#---
np.random.choice([[1, 2]])
#---
np.random.choice(5, 6, replace=False)
#---
np.random.choice(3, p=[0.5, 0.5])
#---
np.random.choice(2, p=[0.5, 0.6])
#---
np.random.choice(2, p=[-0.5, 1.5])
#---
np.random.default_rng(0).choice(0)
#---
np.random.default_rng(0).choice(5, 6, replace=False)
#---
np.random.default_rng(0).choice(2, p=[0.5, 0.6])
#---
np.random.default_rng(0).choice(1.5)
#---
np.random.rand(-1)
#---
np.random.rand(1.5)
#---
np.random.default_rng(0).random(dtype=np.int64)
#---
np.random.permutation(5.5)
#---
np.random.shuffle((1, 2, 3))
#---
np.random.shuffle(5)
#---
np.random.default_rng(0).shuffle((1, 2))
