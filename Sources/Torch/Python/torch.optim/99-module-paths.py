# torch.optim — last part: each class's __module__ is the file PyTorch defines it in, as
# `torch.optim.X.__module__` is in PyTorch, so that `print(type(x))` and `repr` of the class show
# PyTorch's path (written from PyTorch 2.15's classes; a class this build lacks is skipped).

try:
    ASGD.__module__ = "torch.optim.asgd"
except NameError:
    pass
try:
    Adadelta.__module__ = "torch.optim.adadelta"
except NameError:
    pass
try:
    Adagrad.__module__ = "torch.optim.adagrad"
except NameError:
    pass
try:
    Adam.__module__ = "torch.optim.adam"
except NameError:
    pass
try:
    AdamW.__module__ = "torch.optim.adamw"
except NameError:
    pass
try:
    Adamax.__module__ = "torch.optim.adamax"
except NameError:
    pass
try:
    LBFGS.__module__ = "torch.optim.lbfgs"
except NameError:
    pass
try:
    NAdam.__module__ = "torch.optim.nadam"
except NameError:
    pass
try:
    Optimizer.__module__ = "torch.optim.optimizer"
except NameError:
    pass
try:
    RAdam.__module__ = "torch.optim.radam"
except NameError:
    pass
try:
    RMSprop.__module__ = "torch.optim.rmsprop"
except NameError:
    pass
try:
    Rprop.__module__ = "torch.optim.rprop"
except NameError:
    pass
try:
    SGD.__module__ = "torch.optim.sgd"
except NameError:
    pass
try:
    SparseAdam.__module__ = "torch.optim.sparse_adam"
except NameError:
    pass
