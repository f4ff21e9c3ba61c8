"""The one way the portal turns HTML into a PDF: WeasyPrint, locked down.

WeasyPrint's default fetcher follows file://, http(s):// and redirects, and `<link rel="attachment">` embeds
any readable file in the PDF. Here only `data:` URLs and files under the portal's own static folder are
read; everything else is refused and remembered on the fetcher. Fonts ship in static/fonts so a PDF is
the same on every machine. One FontConfiguration and the parsed stylesheets are kept per process: it
costs the same time and grows memory far less (measured in the team's WeasyPrint notes, PDF-NOTES.md).
"""

import atexit
import gc
import logging
import mimetypes
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher, URLFetcherResponse

logger = logging.getLogger(__name__)

STATIC_DIR = Path(settings.BASE_DIR, "static").resolve()
DEFAULT_STYLESHEETS = ("css/pdf.css",)


class RefusedURL(ValueError):
    pass


class RestrictedURLFetcher(URLFetcher):
    """Reads `data:` URLs and files under the static folder; refuses (and records) everything else."""

    def __init__(self):
        super().__init__(allowed_protocols={"data", "file"}, allow_redirects=False, timeout=5)
        self.fetched: list[str] = []
        self.refused: list[str] = []

    def fetch(self, url, headers=None):
        scheme = url.split(":", 1)[0].lower()
        if scheme == "data":
            self.fetched.append(url[:80])
            return super().fetch(url, headers)
        path = self._static_path(url) if scheme == "file" else None
        if path is None:
            self.refused.append(url)
            logger.warning("PDF rendering refused to fetch %s", url[:200])
            raise RefusedURL(f"Only the portal's own static files can be used in a PDF, not {url[:200]}")
        self.fetched.append(url)
        content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return URLFetcherResponse(url, path.read_bytes(), headers={"Content-Type": content_type})

    @staticmethod
    def _static_path(url) -> Path | None:
        parts = urlsplit(url)
        if parts.netloc not in ("", "localhost"):
            return None
        path = Path(unquote(parts.path)).resolve()
        if path.is_relative_to(STATIC_DIR) and path.is_file():
            return path
        return None


@cache
def font_config() -> FontConfiguration:
    atexit.register(_release)
    return FontConfiguration()


def _release() -> None:
    """Free the process's fonts and parsed stylesheets while Pango is still loaded: left to the
    interpreter's last garbage collection, their finalisers can crash it (SIGSEGV in g_object_unref) after
    a command that rendered PDFs, such as load_demo, has done its work."""
    _stylesheet.cache_clear()
    font_config.cache_clear()
    gc.collect()


@cache
def _stylesheet(name: str) -> CSS:
    return CSS(filename=str(STATIC_DIR / name), font_config=font_config(), url_fetcher=RestrictedURLFetcher())


def render_pdf(
    html: str, *, stylesheets=DEFAULT_STYLESHEETS, fetcher: RestrictedURLFetcher | None = None
) -> bytes:
    """A tagged (PDF/UA-1) PDF of `html`. Relative URLs resolve inside the static folder.

    `stylesheets` are paths under static/ (parsed once per process). Pass a `fetcher` to see afterwards
    what was fetched and refused.
    """
    fetcher = fetcher or RestrictedURLFetcher()
    document = HTML(string=html, base_url=STATIC_DIR.as_uri() + "/", url_fetcher=fetcher)
    return document.write_pdf(
        stylesheets=[_stylesheet(name) for name in stylesheets],
        font_config=font_config(),
        pdf_variant="pdf/ua-1",
        presentational_hints=False,
    )
