"""End to end: the demo, the real-world fixture site, audit runs, the hostile server, the golden reports."""
