"""The levels' colours: every level's tag readable (WCAG AA, 4.5:1) and no two levels alike, the same on
screen and in the PDFs."""

import itertools
import re
from pathlib import Path

import pytest
from django.conf import settings

from categorisation.models import Colour

LEVEL_COLOURS = [c for c in Colour.values if c != Colour.GREY]
STYLESHEETS = ["portal.css", "pdf.css"]


def _palette(name):
    css = (Path(settings.BASE_DIR) / "static" / "css" / name).read_text()
    found = re.findall(r"\.tag--(\w+) \{ background: (#[0-9a-f]{3,6}); color: (#[0-9a-f]{3,6}); \}", css)
    return {colour: (background, text) for colour, background, text in found}


def _luminance(hex_colour):
    value = hex_colour.lstrip("#")
    if len(value) == 3:
        value = "".join(c * 2 for c in value)
    channels = [int(value[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast(one, other):
    darker, lighter = sorted([_luminance(one), _luminance(other)])
    return (lighter + 0.05) / (darker + 0.05)


@pytest.mark.parametrize("stylesheet", STYLESHEETS)
def test_every_level_tag_has_text_at_least_4_5_to_1_on_its_fill(stylesheet):
    palette = _palette(stylesheet)
    for colour in [*LEVEL_COLOURS, Colour.GREY]:
        background, text = palette[colour]
        assert _contrast(background, text) >= 4.5, f"tag--{colour} in {stylesheet}"


@pytest.mark.parametrize("stylesheet", STYLESHEETS)
def test_no_two_levels_share_a_look_even_printed_in_grey(stylesheet):
    palette = _palette(stylesheet)
    for one, other in itertools.combinations(LEVEL_COLOURS, 2):
        (fill_one, text_one), (fill_other, text_other) = palette[one], palette[other]
        # Either the fills differ clearly in lightness, or the text colour flips between dark and light.
        lightness_apart = _contrast(fill_one, fill_other) >= 1.2
        text_flips = (_luminance(text_one) > 0.5) != (_luminance(text_other) > 0.5)
        assert lightness_apart or text_flips, f"tag--{one} and tag--{other} look alike in {stylesheet}"


def test_poor_and_unacceptable_are_no_longer_two_pinks():
    palette = _palette("portal.css")
    assert _contrast(palette[Colour.ORANGE][0], palette[Colour.RED][0]) >= 2


def test_the_screen_and_the_pdfs_use_the_same_palette():
    assert _palette("portal.css") == _palette("pdf.css")
