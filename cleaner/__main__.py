"""`python -m cleaner` runs the command line, as the `cleaner` script does."""

from cleaner.cli import main

main(prog_name="cleaner")
