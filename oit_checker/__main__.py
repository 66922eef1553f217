import sys

from oit_checker.cli.main import main

sys.exit(main())
