"""``python -m lkjip_xl.cli``: the command line as a process."""

from . import main

if __name__ == "__main__":
    main()
