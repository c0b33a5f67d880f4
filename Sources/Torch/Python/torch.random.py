# torch.random — the default generator's seed and state, as torch.manual_seed and friends.
import torch

manual_seed = torch.manual_seed
seed = torch.seed
initial_seed = torch.initial_seed
get_rng_state = torch.get_rng_state
set_rng_state = torch.set_rng_state


class fork_rng:
    """`with torch.random.fork_rng():` restores the default generator's state on exit."""

    def __init__(self, devices=None, enabled=True, _caller="fork_rng", _devices_kw="devices", device_type="cuda"):
        self.enabled = enabled
        self.state = None

    def __enter__(self):
        if self.enabled:
            self.state = torch.get_rng_state()
        return None

    def __exit__(self, *exc):
        if self.enabled:
            torch.set_rng_state(self.state)
        return False
