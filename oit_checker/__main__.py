import sys

from oit_checker.cli import main

sys.exit(main())
