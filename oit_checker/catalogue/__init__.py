"""The rule catalogue (rules/ita<year>.toml) → `Catalogue`; mapping between criteria years; reason messages."""
