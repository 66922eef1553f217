"""Pure text helpers used by every stage: Thai normalisation, fiscal years, URLs, charsets, the clock."""
