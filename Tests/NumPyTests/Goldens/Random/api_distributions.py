import numpy as np
np.random.seed(21)
np.random.lognormal(0, 0.5, 4)
#---
np.random.chisquare(3, 4)
#---
np.random.standard_t(5, 4)
#---
np.random.standard_cauchy(3)
#---
np.random.laplace(1, 2, 4)
#---
np.random.logistic(0, 1, 4)
#---
np.random.geometric(0.5, 6)
#---
np.random.geometric(0.1, 6)
#---
np.random.lognormal()
#---
np.random.chisquare(0.5, 3)
#---
np.random.standard_t(1.5)
#---
rng = np.random.default_rng(21)
rng.lognormal(0, 0.5, 4)
#---
rng.chisquare(3, 4)
#---
rng.standard_t(5, 4)
#---
rng.standard_cauchy(3)
#---
rng.laplace(1, 2, 4)
#---
rng.logistic(0, 1, 4)
#---
rng.geometric(0.5, 6)
#---
rng.geometric(0.1, 6)
#---
rng.geometric(0.2)
#---
np.random.lognormal(0, -1)
#---
np.random.chisquare(0)
#---
rng.geometric(0)
#---
rng.geometric(1.5)
#---
rng.laplace(0, -1)
