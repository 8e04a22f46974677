"""Where the book's sources, generated pages, cache and site live."""
from pathlib import Path

BOOK = Path(__file__).resolve().parent.parent
ROOT = BOOK.parent
SRC = BOOK / "src"              # the page sources (MyST Markdown, one per page)
STATIC = BOOK / "static"        # the site's own CSS and JS
BUILD = BOOK / "_build"
GEN = BUILD / "gen"             # the pages as Sphinx reads them: outputs merged in, API pages
CACHE = BUILD / "cache"         # executed notebooks, by a hash of their cells and of dlfp
HTML = BUILD / "html"           # the site


class BuildError(Exception):
    """A page that cannot be built: a cell raised, a box's numbers differ, a source is wrong."""
