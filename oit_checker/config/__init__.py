"""The user's files → model: one TOML reader, agency manifests, suppressions, projection methods."""
