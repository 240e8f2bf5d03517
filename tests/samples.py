"""Where the real bank files and schemas live: ../shared/samples beside the checkout,
as on every developer's machine and in CI."""

from pathlib import Path

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SAMPLES = SHARED / "samples"
