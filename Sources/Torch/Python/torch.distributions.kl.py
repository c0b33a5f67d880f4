# torch.distributions.kl — the KL registry lives with the distributions (torch.distributions,
# last part); this module is its public spelling.
from torch.distributions import kl_divergence, register_kl

__all__ = ["register_kl", "kl_divergence"]
