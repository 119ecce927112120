#!/usr/bin/env python
"""Rebuild the shipped models: the same as ``parley train`` (see ``parley/train.py``)."""
import sys

from parley.cli import main

if __name__ == "__main__":
    raise SystemExit(main(["train", *sys.argv[1:]]))
