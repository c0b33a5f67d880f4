import numpy as np
np.random.seed(0)
np.random.rand(3)
#---
np.random.rand(2, 3)
#---
np.random.randn(2, 2)
#---
np.random.randn()
#---
np.random.seed(42)
np.random.random()
#---
np.random.random((2, 2))
#---
np.random.random_sample(3)
#---
np.random.randint(10)
#---
np.random.randint(1, 7, size=10)
#---
np.random.randint(5, size=(2, 3))
#---
np.random.randint(-3, 3, size=5, dtype=np.int32)
#---
np.random.randint(0, 256, size=4, dtype=np.uint8)
#---
np.random.randint(2, size=5, dtype=bool)
#---
x = np.random.randint(5, dtype=np.int64)
print(type(x).__name__, x)
#---
np.random.uniform(-1, 1, size=4)
#---
np.random.uniform()
#---
np.random.normal(10, 2, size=(2, 3))
#---
np.random.normal()
#---
np.random.normal([0, 100], 1)
#---
np.random.standard_normal(3)
#---
np.random.exponential(2.0, 3)
#---
np.random.gamma(2.0, 1.5, 3)
#---
np.random.beta(0.5, 0.5, 3)
#---
np.random.poisson(4, 8)
#---
np.random.poisson(4)
#---
np.random.binomial(10, 0.5, 8)
#---
np.random.binomial(100, 0.25)
#---
np.random.multinomial(20, [1/6.] * 6)
#---
np.random.multinomial(10, [0.2, 0.8], size=3)
#---
np.random.choice(5, 3)
#---
np.random.choice(5)
#---
np.random.choice(5, 3, replace=False)
#---
np.random.choice(5, 3, p=[0.1, 0, 0.3, 0.6, 0])
#---
np.random.choice([1.5, 2.5, 3.5])
#---
np.random.permutation(10)
#---
np.random.permutation([1, 4, 9, 12, 15])
#---
np.random.permutation(np.arange(9).reshape((3, 3)))
#---
arr = np.arange(10)
np.random.shuffle(arr)
arr
#---
lst = list(range(6))
np.random.shuffle(lst)
lst
#---
m = np.arange(6).reshape(3, 2)
np.random.shuffle(m)
m
#---
np.random.seed([1, 2, 3])
np.random.rand(2)
#---
rs = np.random.RandomState(7)
rs.rand(3)
#---
rs.randn(2)
#---
rs.randint(0, 100, 5)
#---
print(rs)
#---
rs2 = np.random.RandomState(7)
a = rs2.rand(3)
rs2.seed(7)
b = rs2.rand(3)
(a == b).all()
#---
np.random.seed(0)
np.random.multivariate_normal([0, 0], [[1, 0], [0, 1]], size=3).shape
