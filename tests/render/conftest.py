"""Fixtures for diagram tests."""

from __future__ import annotations

import pytest
from svgread import EXAMPLE

from argmap.io import load_map
from argmap.model import ArgumentMap


@pytest.fixture
def example() -> ArgumentMap:
    """The worked example that uses every part of the format."""
    return load_map(EXAMPLE)
