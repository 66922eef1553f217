from oit_checker.cli.entry import main

main()
