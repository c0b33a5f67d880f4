// Placeholder until the Torch layer lands.
