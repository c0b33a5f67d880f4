"""
Tensors in a gallery
====================

A sphinx-gallery example: this docstring is the introduction.
"""

import torch

# %%
# Shapes
# ------
# A tensor knows its shape.

x = torch.zeros(2, 3)
print(x.shape)
