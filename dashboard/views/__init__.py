"""One module per dashboard page; views only read and render."""
