"""`python -m cleaner` runs the command line, as the `cleaner` script does."""

from cleaner.cli import main

if __name__ == "__main__":  # worker processes import the main module again; they must not run the command
    main(prog_name="cleaner")
