"""Images of the site: thumbnails for the index and lighter copies of inline charts."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

THUMBNAIL_WIDTH = 360
PALETTE_COLOURS = 256


def make_thumbnail(source: Path, target: Path, width: int = THUMBNAIL_WIDTH) -> Path:
    """Write a PNG thumbnail of ``source`` ``width`` pixels wide (same bytes every time)."""
    from PIL import Image

    target.parent.mkdir(parents=True, exist_ok=True)
    with Image.open(source) as opened:
        image = opened.convert("RGB")
        height = max(1, round(image.height * width / image.width))
        small = image.resize((width, height), Image.Resampling.LANCZOS)
        _quantized(small).save(target, format="PNG")
    return target


def _quantized(image: Any) -> Any:
    """Return ``image`` as a 256-colour palette image (median cut, no dithering): charts
    have few colours, so the mean change per channel stays well under 1 of 255."""
    from PIL import Image

    if image.mode not in ("RGB", "L"):
        background = Image.new("RGB", image.size, "white")
        background.paste(image, mask=image.getchannel("A") if "A" in image.mode else None)
        image = background
    return image.convert("RGB").quantize(
        colors=PALETTE_COLOURS, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE
    )


def lighter_png(data: bytes) -> bytes:
    """Return PNG bytes of the same picture as ``data`` (PNG bytes), as a palette image when
    that is smaller (about a third of the size for a chart), else ``data`` unchanged.
    Deterministic: the same input gives the same bytes. Raises ``PIL.UnidentifiedImageError``
    if ``data`` is not an image."""
    from PIL import Image

    with Image.open(io.BytesIO(data)) as image:
        buffer = io.BytesIO()
        _quantized(image).save(buffer, format="PNG")
    lighter = buffer.getvalue()
    return lighter if len(lighter) < len(data) else data
