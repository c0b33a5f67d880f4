print("gradbook: not yet built")
