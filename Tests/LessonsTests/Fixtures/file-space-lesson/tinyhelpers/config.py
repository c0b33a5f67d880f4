class Config:
    """A plain class: torch.load(weights_only=True) does not know it."""

    def __init__(self, lr):
        self.lr = lr
