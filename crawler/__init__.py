"""How posts come in: one module per source kind, a shared HTTP client, the poller's contract."""
