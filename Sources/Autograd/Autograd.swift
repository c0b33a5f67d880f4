// Placeholder until the Autograd layer lands.
