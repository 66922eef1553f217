"""Home page → draft manifest (`oit-checker discover`)."""
