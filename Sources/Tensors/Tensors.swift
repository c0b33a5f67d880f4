// Placeholder until the Tensors layer lands.
