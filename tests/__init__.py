"""oit-checker tests: unit/<stage>/ (one folder per package stage), integration/ (end to end), support/."""
