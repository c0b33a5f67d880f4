// Placeholder until the Lessons layer lands.
