"""The light/dark toggle: docs/assets/javascripts/palette.js, written into every page right after the
toggle in the header (overrides/partials/javascripts/palette.html reads it from the template global
``TEMPLATE_GLOBAL``, set by hooks/palette.py). Material's own palette component is not mounted
(overrides/partials/palette.html, see upstream.PALETTE_FORM): it applied the colours only after the
whole page was parsed, which made the browser recompute the style of every element."""

from __future__ import annotations

from .progress import inline_text

SCRIPT_PATH = "assets/javascripts/palette.js"
TEMPLATE_GLOBAL = "hb_palette_script"


def script_text(script: str) -> str:
    """palette.js as written into the page (the text the last gate recognises): without its comment
    lines (every page would carry them) and indentation. Only whole-line ``//`` comments are dropped:
    the script has no multi-line string or template in which such a line could be text."""
    lines = [line.strip() for line in script.splitlines()]
    return inline_text("\n".join(line for line in lines if line and not line.startswith("//")) + "\n")
