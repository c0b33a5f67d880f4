# ---
# jupyter:
#   jupytext:
#     text_representation:
#       extension: .py
#       format_name: percent
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # A percent script
#
# Cells are separated by `# %%` lines.

# %%
import torch
x = torch.arange(6).reshape(2, 3)
print(x)

# %% [markdown]
# Its transpose:

# %%
x.T
