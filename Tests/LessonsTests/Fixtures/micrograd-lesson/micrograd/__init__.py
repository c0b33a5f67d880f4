"""A tiny scalar autograd engine, in the style of micrograd."""
