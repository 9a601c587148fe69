"""What a post means: normalize, tokenize, stage, signals, severity. Pure: no I/O but model loading."""
