"""The only network code: the httpx client, politeness, decoding, the HTTP cache."""
