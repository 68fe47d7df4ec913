"""`python -m argmap` runs the CLI."""

from argmap.cli import main

if __name__ == "__main__":
    main()
