import numpy as np
np.save("arr.npy", np.arange(5)); np.load("arr.npy")
#---
np.savez("arrs.npz", a=np.arange(3), b=np.ones(2)); d = np.load("arrs.npz"); d["a"], d["b"]
#---
np.savetxt("data.txt", np.array([[1.0, 2.0], [3.0, 4.5]]), fmt="%.2f", delimiter=",")
#---
np.loadtxt("data.txt", delimiter=",")
#---
np.genfromtxt("data.txt", delimiter=",")
#---
a = np.arange(3.0); a.tofile("raw.bin"); np.fromfile("raw.bin") if hasattr(np, "fromfile") else None
#---
a = np.arange(3); a.dump("a.pkl")
