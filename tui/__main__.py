"""`python -m tui MAP`: the same as `argmap tui MAP`."""

from argmap.cli import main

if __name__ == "__main__":
    import sys

    sys.argv[1:1] = ["tui"]
    main()
