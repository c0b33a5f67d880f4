// Placeholder until the Interpreter layer lands.
