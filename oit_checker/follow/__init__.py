"""Which links of a fetched page lead to the item's documents (pure: no fetching here)."""
