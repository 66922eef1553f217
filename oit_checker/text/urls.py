"""URL normalisation and classification for links found on Thai agency pages (pure, no I/O).

Agency pages spell one URL many ways: raw Thai, lower- and upper-case percent escapes, spaces in file
names, protocol-relative viewer URLs (docs/real-world-sites.md). Everything that compares, de-duplicates
or fetches URLs goes through `normalize_url` first so that two spellings of one file are one URL.
The other helpers answer "what is behind this URL": a placeholder, a Google Drive file, a viewer wrapping
the real file, an external system we cannot check, or something that looks like a document.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from types import ModuleType
from typing import Literal, TypeVar
from urllib.parse import parse_qs, unquote, urljoin, urlsplit

_idna: ModuleType | None
try:  # IDNA 2008 + UTS 46, as browsers do; httpx already depends on it.
    import idna as _idna
except ImportError:  # pragma: no cover - the stdlib codec (IDNA 2003) agrees for Thai labels
    _idna = None

__all__ = [
    "DOCUMENT_EXTENSIONS",
    "IMAGE_EXTENSIONS",
    "UPLOAD_PATH_MARKERS",
    "DriveRef",
    "ExternalRef",
    "canonical_drive",
    "classify_external",
    "extension",
    "is_cloud_flowpaper",
    "is_placeholder",
    "looks_like_document",
    "normalize_url",
    "same_site",
    "split_route",
    "unwrap_viewer",
]

# ---------------------------------------------------------------- normalisation

_HIERARCHICAL = frozenset({"http", "https", "ftp"})
_DEFAULT_PORTS = {"http": 80, "https": 443, "ftp": 21}
_UNRESERVED = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

# RFC 3986 pchar minus '%' (handled by the escape alternative), plus '/'; the query also allows '?'.
# Anything else (raw Thai, spaces, quotes, '|', '[' …) is percent-encoded as UTF-8. A '%' that does not
# start a valid escape falls into the second alternative and becomes %25.
_PATH_RE = re.compile(r"%[0-9A-Fa-f]{2}|[^A-Za-z0-9\-._~!$&'()*+,;=:@/]")
_QUERY_RE = re.compile(r"%[0-9A-Fa-f]{2}|[^A-Za-z0-9\-._~!$&'()*+,;=:@/?]")

# Invisible characters pasted from Word/LINE into hrefs; they can never be meant as part of a URL.
_INVISIBLE_RE = re.compile("[\t\n\r\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_SCHEME_RE = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):")


def _fix_escape(match: re.Match[str]) -> str:
    token = match.group(0)
    if len(token) == 3 and token[0] == "%":
        char = chr(int(token[1:], 16))
        # Decoding unreserved characters and upper-casing the rest is RFC 3986 §6.2.2: same resource.
        return char if char in _UNRESERVED else token.upper()
    return "".join(f"%{b:02X}" for b in token.encode("utf-8", "surrogatepass"))


def _remove_dot_segments(path: str) -> str:
    if "." not in path:
        return path
    segments = path.split("/")
    out: list[str] = []
    for seg in segments:
        if seg == "..":
            if len(out) > 1:
                out.pop()
        elif seg != ".":
            out.append(seg)
    if segments[-1] in (".", ".."):
        out.append("")
    result = "/".join(out)
    return result if result.startswith("/") else "/" + result


def _idna_host(host: str) -> str:
    if host.isascii():
        return host
    try:
        if _idna is not None:
            return _idna.encode(host, uts46=True).decode("ascii")
        return host.encode("idna").decode("ascii")
    except Exception:
        try:
            return host.encode("idna").decode("ascii")
        except Exception:
            return _PATH_RE.sub(_fix_escape, host)


def _netloc(scheme: str, netloc: str) -> str:
    userinfo, _, hostport = netloc.rpartition("@")
    if hostport.startswith("["):  # IPv6 literal: the port follows the closing bracket
        end = hostport.find("]")
        host, port = hostport[: end + 1], hostport[end + 2 :] if end >= 0 else ""
    else:
        host, _, port = hostport.partition(":")
    host = _idna_host(host.lower().rstrip("."))
    # A non-numeric port is kept as written: the fetcher reports it, we do not guess.
    if port.isdigit() and int(port) == _DEFAULT_PORTS.get(scheme):
        port = ""
    out = host + (f":{port}" if port else "")
    return f"{userinfo}@{out}" if userinfo else out


R = TypeVar("R")
_CACHE_MAX_LEN = 2048  # data: URIs can be megabytes; caching those would pin them in memory


def _memo(fn: Callable[[str], R]) -> Callable[[str], R]:
    """`fn` (pure, of one URL) remembered for the URLs a run meets again and again (every page links its
    site's menu); a long URL (a data: URI) is computed, never kept. The results are immutable."""
    cached = lru_cache(maxsize=2048)(fn)

    @functools.wraps(fn)
    def call(url: str) -> R:
        if not isinstance(url, str) or len(url) > _CACHE_MAX_LEN:
            return fn(url)
        return cached(url)

    return call


@lru_cache(maxsize=4096)
def _normalize_cached(url: str, base: str | None) -> str:
    return _normalize(url, base)


def _normalize(url: str, base: str | None) -> str:
    url = _INVISIBLE_RE.sub("", url).strip()
    scheme_match = _SCHEME_RE.match(url)
    scheme = scheme_match.group(1).lower() if scheme_match else ""
    if scheme and scheme not in _HIERARCHICAL:
        # mailto:, javascript:, data:, line://… are opaque to us: only the scheme is case-folded.
        return scheme + url[len(scheme) :]
    # Browsers read '\' as '/' in http URLs (LAO sites copy Windows paths), but only before the query.
    head, sep, tail = url.partition("?")
    if "\\" in head:
        url = head.replace("\\", "/") + sep + tail
    if base:
        base = _INVISIBLE_RE.sub("", base).strip()
        url = urljoin(base, url)
    elif url.startswith("//"):
        url = "https:" + url  # protocol-relative with nothing to resolve against: assume the secure one
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme and scheme not in _HIERARCHICAL:
        return scheme + url[len(parts.scheme) :]
    netloc = _netloc(scheme, parts.netloc) if parts.netloc else ""
    path = _PATH_RE.sub(_fix_escape, parts.path)
    if netloc or scheme:
        path = _remove_dot_segments(path) if path else "/"
    query = _QUERY_RE.sub(_fix_escape, parts.query)
    out = f"{scheme}:" if scheme else ""
    if netloc or scheme in _HIERARCHICAL:
        out += f"//{netloc}"
    out += path
    if query:
        out += f"?{query}"
    route = _route_fragment(parts.fragment) if scheme in _HIERARCHICAL else ""
    if route:
        out += f"#{route}"
    return out


# A fragment that is a route of a single-page app (`#/ita/o6`, AngularJS's `#!/news`): a page of its own, not a
# place on the page. Any other fragment (`#top`, `#section-2`) is dropped. The route is escaped like a path.
_ROUTE_PREFIXES = ("/", "!/")


def _route_fragment(fragment: str) -> str:
    if not fragment.startswith(_ROUTE_PREFIXES):
        return ""
    bang = "!" if fragment.startswith("!") else ""
    route = fragment[len(bang):]
    path, sep, query = route.partition("?")
    path = _PATH_RE.sub(_fix_escape, path)
    if path.rstrip("/") == "" and not query:
        return ""  # `#/` and `#!/` are the app's home: the page itself
    return bang + path + (sep + _QUERY_RE.sub(_fix_escape, query) if sep else "")


def split_route(url: str) -> tuple[str, str]:
    """(the page's URL, its app route) of a normalised URL: `https://x/#/ita/o6` → (`https://x/`, `/ita/o6`);
    ("url", "") when the URL names no route. The server only ever sees the first part."""
    page, sep, fragment = url.partition("#")
    if not sep or not fragment.startswith(_ROUTE_PREFIXES):
        return url, ""
    return page, fragment


def normalize_url(url: str, base: str | None = None) -> str:
    """Absolute, comparable URI for `url` (resolved against `base`); never raises.

    IRI → URI (raw Thai and spaces percent-encoded as UTF-8), percent escapes upper-cased and unreserved
    ones decoded, scheme and host lower-cased, IDNA host, default port and fragment dropped (except an app
    route, `#/ita/o6` or `#!/news`: kept, see `split_route`), dot segments removed, empty path → "/". The
    query is kept in order and only re-escaped (`?page_id=7484`, `?rest_route=/wp/v2/pages/5` are untouched).
    Existing `%XX` escapes are never encoded twice.
    """
    if not isinstance(url, str):
        url = "" if url is None else str(url)
    try:
        base = base if isinstance(base, str) and base else None
        if len(url) + len(base or "") > _CACHE_MAX_LEN:
            return _normalize(url, base)
        return _normalize_cached(url, base)
    except Exception:  # garbage in, best effort out: callers compare strings, they must not crash
        return url.strip()


@_memo
def host_of(url: str) -> str:
    """The URL's host, lower-cased, without a trailing dot; "" for a URL that does not parse."""
    try:
        return (urlsplit(url).hostname or "").rstrip(".")
    except ValueError:
        return ""


# ---------------------------------------------------------------- same site

# Hosts where many unrelated sites live side by side: the site is named by the first path segment(s).
_SHARED_HOSTS = frozenset({"sites.google.com"})
# Never treat two hosts as one site just because they share one of these.
_PUBLIC_SUFFIXES = frozenset(
    {
        "th", "go.th", "ac.th", "co.th", "or.th", "in.th", "mi.th", "net.th",
        "com", "org", "net", "info", "biz", "io", "co", "app", "dev", "site", "online", "xyz",
        "google.com", "blogspot.com", "wordpress.com", "wixsite.com", "github.io",
    }
)  # fmt: skip


@_memo
def _site_key(url: str) -> tuple[str, str]:
    norm = normalize_url(url)
    host = host_of(norm)
    if host.startswith("www."):
        host = host[4:]
    prefix = ""
    if host in _SHARED_HOSTS:
        segs = [s for s in urlsplit(norm).path.lower().split("/") if s]
        # sites.google.com/view/<site>, /site/<site> (classic) and /a/<domain>/<site> name the site in two
        # segments; sites.google.com/<domain>/<site> names the owning agency domain in the first.
        count = 2 if segs and segs[0] in ("view", "site", "a") else 1
        prefix = "/".join(segs[:count])
    return host, prefix


def same_site(a: str, b: str) -> bool:
    """Whether two URLs belong to one agency site: `www.` ignored, subdomains of one another count."""
    host_a, prefix_a = _site_key(a)
    host_b, prefix_b = _site_key(b)
    if not host_a or not host_b:
        return False
    if host_a in _SHARED_HOSTS or host_b in _SHARED_HOSTS:
        return host_a == host_b and prefix_a == prefix_b
    if host_a == host_b:
        return True
    longer, shorter = (host_a, host_b) if len(host_a) > len(host_b) else (host_b, host_a)
    if shorter in _PUBLIC_SUFFIXES:
        return False
    return longer.endswith("." + shorter)


# ---------------------------------------------------------------- placeholders

_WEB_SCHEMES = frozenset({"http", "https", "ftp"})


def _without_scheme(url: str) -> str:
    rest = url.split(":", 1)[1] if ":" in url else url
    # `/ita-2566` and `/ita-2566/` are one page on every CMS seen (WordPress redirects one to the other).
    head, sep, query = rest.partition("?")
    return head.rstrip("/") + sep + query


def is_placeholder(href_raw: str, resolved: str, page_url: str) -> str | None:
    """A short reason when an href has no document behind it, else None.

    Reasons: "empty", "fragment" (`#`, `#top`), "javascript", "self" (the page itself), or the scheme of
    a non-web link ("mailto", "tel", "line", "data", "about" …).
    """
    raw = _INVISIBLE_RE.sub("", href_raw or "").strip()
    if not raw:
        return "empty"
    if raw.startswith("#") and not _route_fragment(raw[1:]):
        return "fragment"
    match = _SCHEME_RE.match(raw)
    if match:
        scheme = match.group(1).lower()
        if scheme == "javascript":
            return "javascript"
        if scheme not in _WEB_SCHEMES:
            return scheme
    if page_url:
        target = normalize_url(resolved or raw, page_url)
        # Same page under the other scheme is still the same page (mixed schemes, §3).
        if _without_scheme(target) == _without_scheme(normalize_url(page_url)):
            return "self"
    return None


# ---------------------------------------------------------------- Google Drive / Docs


@dataclass(frozen=True)
class DriveRef:
    """A Google Drive or Docs object and the URL to fetch it by.

    `canonical` for a file is `https://drive.google.com/uc?export=download&id=<id>`; for a folder
    `https://drive.google.com/drive/folders/<id>` (a listing that needs review, not a document); for
    Docs editors an export: Documents and Slides as PDF (keeps page count and layout, which the cover-only
    check uses), Sheets as XLSX (a PDF export of a wide sheet splits rows across pages; XLSX keeps every
    sheet). "Published to the web" docs (`/d/e/2PACX-…`) have no export: canonical is their `/pub` page
    (Sheets: `/pub?output=xlsx`). A `resourcekey` (older shared links need it) is carried over.
    """

    kind: Literal["file", "folder", "doc"]
    id: str
    canonical: str
    service: str  # "Google Drive" · "Google Docs" · "Google Sheets" · "Google Slides"


_DRIVE_ID = r"[A-Za-z0-9_-]{10,}"
_ID_RE = re.compile(rf"^{_DRIVE_ID}$")
DRIVE_HOSTS = frozenset({"drive.google.com", "docs.google.com", "drive.usercontent.google.com"})
# /a/<domain>/ (old Workspace paths) and /u/<n>/ (account switcher) carry no meaning for the file.
_ACCOUNT_RE = re.compile(r"^(?:/a/[^/]+)?(?:/u/\d+)?")
_EDITOR_RE = re.compile(
    rf"^/(?P<app>document|spreadsheets|presentation|file)(?:/u/\d+)?/d/(?P<pub>e/)?(?P<id>{_DRIVE_ID})"
)
_FOLDER_RE = re.compile(rf"^/drive(?:/u/\d+)?(?:/mobile)?/folders/(?P<id>{_DRIVE_ID})")
_ID_ENDPOINTS = frozenset({"/open", "/uc", "/thumbnail", "/download", "/file", "/viewer", "/viewerng/viewer"})
_FOLDER_ENDPOINTS = frozenset({"/folderview", "/embeddedfolderview"})

_EDITORS = {
    "document": ("Google Docs", "/export?format=pdf", "/pub"),
    "spreadsheets": ("Google Sheets", "/export?format=xlsx", "/pub?output=xlsx"),
    "presentation": ("Google Slides", "/export/pdf", "/pub"),
}


def _with_key(url: str, key: str | None) -> str:
    if not key:
        return url
    return f"{url}{'&' if '?' in url else '?'}resourcekey={key}"


@_memo
def canonical_drive(url: str) -> DriveRef | None:
    """The Drive/Docs object behind `url`, or None when it is not one (see `DriveRef` for the forms)."""
    raw = (url or "").strip()
    if re.match(r"(?i)^(?:www\.)?(?:drive|docs)\.google\.com/", raw):
        raw = "https://" + raw  # pasted without a scheme (admin help texts do this)
    norm = normalize_url(raw)
    host = host_of(norm)
    if host not in DRIVE_HOSTS:
        return None
    parts = urlsplit(norm)
    query = parse_qs(parts.query)
    key = next(iter(query.get("resourcekey") or []), None)
    path = _ACCOUNT_RE.sub("", parts.path, count=1) or "/"
    path = path.rstrip("/") or "/"

    if match := _EDITOR_RE.match(path):
        app, doc_id = match.group("app"), match.group("id")
        if app == "file":
            return _file_ref(doc_id, key)
        service, export, published = _EDITORS[app]
        base = f"https://docs.google.com/{app}/d/"
        if match.group("pub"):
            return DriveRef("doc", doc_id, f"{base}e/{doc_id}{published}", service)
        return DriveRef("doc", doc_id, _with_key(f"{base}{doc_id}{export}", key), service)
    if match := _FOLDER_RE.match(path):
        return _folder_ref(match.group("id"), key)
    ids = [v for v in query.get("id", []) + query.get("srcid", []) if _ID_RE.match(v)]
    if not ids:
        return None
    if path in _FOLDER_ENDPOINTS:
        return _folder_ref(ids[0], key)
    # `open?id=` serves files and folders alike; files are far more common as evidence, and a folder
    # fetched as a file comes back as an HTML listing, which the fetcher recognises.
    if path in _ID_ENDPOINTS or host == "drive.usercontent.google.com":
        if path in ("/viewer", "/viewerng/viewer") and "srcid" not in query:
            return None  # a Docs viewer wrapping some other URL: see unwrap_viewer
        return _file_ref(ids[0], key)
    return None


def _file_ref(file_id: str, key: str | None) -> DriveRef:
    canonical = _with_key(f"https://drive.google.com/uc?export=download&id={file_id}", key)
    return DriveRef("file", file_id, canonical, "Google Drive")


def _folder_ref(folder_id: str, key: str | None) -> DriveRef:
    canonical = _with_key(f"https://drive.google.com/drive/folders/{folder_id}", key)
    return DriveRef("folder", folder_id, canonical, "Google Drive")


# ---------------------------------------------------------------- viewers

_CLOUD_FLOWPAPER = frozenset({"publ.flowpaper.com", "online.flowpaper.com"})
_GDOCS_VIEWER_PATHS = frozenset({"/viewer", "/gview", "/viewerng/viewer"})
_OFFICE_VIEWER_PATHS = frozenset({"/op/embed.aspx", "/op/view.aspx"})
_PDF_CUT_RE = re.compile(r"(?is)^(.*?\.pdf)(?=$|[?&#])")
_ENCODED_URL_RE = re.compile(r"(?i)^(?:https?%3A|%2F)")


def is_cloud_flowpaper(url: str) -> bool:
    """FlowPaper's hosted publications carry no PDF URL: a viewer only, the file is not retrievable."""
    return host_of(normalize_url(url)) in _CLOUD_FLOWPAPER


def _flowpaper_pdf(query: str) -> str | None:
    match = re.search(r"(?:^|&)pdf=", query)
    if not match:
        return None
    rest = query[match.end() :]
    if _ENCODED_URL_RE.match(rest):
        # encodeURIComponent variant: the whole value, '?wp-hosted=1' included, is one escaped parameter
        rest = unquote(rest.split("&", 1)[0])
    # The plugin appends '?wp-hosted=1&title=&…' to the raw PDF URL, so the PDF URL ends at '.pdf'.
    cut = _PDF_CUT_RE.match(rest)
    value = cut.group(1) if cut else rest.split("&", 1)[0].split("?wp-hosted", 1)[0]
    return value or None


@_memo
def unwrap_viewer(url: str) -> tuple[str, str] | None:
    """(file URL, viewer name) when `url` is a viewer page wrapping a file, else None.

    Viewers: "flowpaper" (`flowpaper.com/flipbook/?pdf=`, raw or encoded, second `?` tolerated),
    "gdocs" (`docs.google.com/viewer|gview?url=`), "pdfjs" (`…/viewer.html|viewer.php?file=`),
    "office" (`view.officeapps.live.com/op/embed.aspx?src=`). The file URL is resolved against the viewer
    URL (pdf.js resolves a relative `file=` that way) and normalised. Cloud FlowPaper is not a wrapper:
    see `is_cloud_flowpaper`.
    """
    norm = normalize_url(url)
    try:
        parts = urlsplit(norm)
    except ValueError:
        return None
    host, path, query = (parts.hostname or ""), parts.path.lower(), parts.query
    if not query:
        return None
    inner: str | None = None
    name = ""
    if host.endswith("flowpaper.com") and host not in _CLOUD_FLOWPAPER:
        inner, name = _flowpaper_pdf(query), "flowpaper"
    elif host in ("docs.google.com", "drive.google.com") and path in _GDOCS_VIEWER_PATHS:
        inner, name = next(iter(parse_qs(query).get("url") or []), None), "gdocs"
    elif host == "view.officeapps.live.com" and path in _OFFICE_VIEWER_PATHS:
        inner, name = next(iter(parse_qs(query).get("src") or []), None), "office"
    elif path.endswith(("/viewer.html", "/viewer.php")):
        inner, name = next(iter(parse_qs(query).get("file") or []), None), "pdfjs"
    if not inner or not inner.strip():
        return None
    return normalize_url(inner.strip(), norm), name


# ---------------------------------------------------------------- external systems


@dataclass(frozen=True)
class ExternalRef:
    """An off-site system a link points into, and whether the checker can read what is behind it."""

    service: str
    checkable: bool
    note: str = ""
    canonical: str | None = None  # the URL to fetch when checkable


def _host_in(host: str, domains: tuple[str, ...]) -> bool:
    return any(host == d or host.endswith("." + d) for d in domains)


_NOT_CHECKABLE: tuple[tuple[tuple[str, ...], str, str], ...] = (
    (("gprocurement.go.th",), "e-GP", "legitimate procurement evidence, needs review"),
    (("itas.nacc.go.th",), "ITAS", "the NACC assessment system itself, not agency evidence"),
    (("1drv.ms", "onedrive.live.com", "onedrive.com", "sharepoint.com"), "OneDrive/SharePoint",
     "sign-in or script viewer, needs review"),
    (("facebook.com", "fb.com", "fb.watch", "messenger.com", "m.me"), "Facebook", "social media post, not parsed"),
    (("line.me", "lin.ee"), "LINE", "LINE account or post, not parsed"),
    (("youtube.com", "youtu.be", "youtube-nocookie.com"), "YouTube", "video, not parsed"),
    (("instagram.com",), "Instagram", "social media post, not parsed"),
    (("tiktok.com",), "TikTok", "video, not parsed"),
    (("twitter.com", "x.com"), "X", "social media post, not parsed"),
)  # fmt: skip


@_memo
def classify_external(url: str) -> ExternalRef | None:
    """The external system behind `url`, or None for an ordinary web site (the agency's or another)."""
    norm = normalize_url(url)
    host = host_of(norm)
    if not host:
        return None
    if host in _CLOUD_FLOWPAPER:
        return ExternalRef("FlowPaper", False, "viewer only, the file is not retrievable")
    unwrapped = unwrap_viewer(norm)
    if unwrapped and host.endswith(("flowpaper.com", "google.com", "officeapps.live.com")):
        service = {"flowpaper": "FlowPaper", "gdocs": "Google Docs viewer", "office": "Office viewer"}
        return ExternalRef(service.get(unwrapped[1], "viewer"), True, "viewer wrapping a file", unwrapped[0])
    drive_ref = canonical_drive(norm)
    if drive_ref is not None:
        if drive_ref.kind == "folder":
            return ExternalRef(drive_ref.service, False, "Drive folder, listing needs review", drive_ref.canonical)
        return ExternalRef(drive_ref.service, True, "", drive_ref.canonical)
    if host in DRIVE_HOSTS:
        path = urlsplit(norm).path
        if "/forms/" in path:
            return ExternalRef("Google Forms", False, "a form, not a document")
        return ExternalRef("Google Drive", False, "not a file link, needs review")
    if _host_in(host, ("dropbox.com", "dropboxusercontent.com")):
        return _dropbox(norm, host)
    for domains, name, note in _NOT_CHECKABLE:
        if _host_in(host, domains):
            return ExternalRef(name, False, note)
    return None


def _dropbox(norm: str, host: str) -> ExternalRef:
    if host.endswith("dropboxusercontent.com"):
        return ExternalRef("Dropbox", True, "", norm)
    parts = urlsplit(norm)
    if parts.path.startswith(("/s/", "/scl/fi/")):
        query = re.sub(r"(?:^|&)(?:dl|raw)=[^&]*", "", parts.query).lstrip("&")
        canonical = f"https://www.dropbox.com{parts.path}?{query + '&' if query else ''}dl=1"
        return ExternalRef("Dropbox", True, "", canonical)
    return ExternalRef("Dropbox", False, "Dropbox folder or page, needs review")


# ---------------------------------------------------------------- documents

DOCUMENT_EXTENSIONS: frozenset[str] = frozenset(
    {"pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "odt", "ods", "jpg", "jpeg", "png", "gif", "zip", "rar"}
)
IMAGE_EXTENSIONS: frozenset[str] = frozenset({"jpg", "jpeg", "png", "gif"})

# Where the CMS families seen (§1.1, §1.3) keep uploaded files; the path says "file" without an extension.
UPLOAD_PATH_MARKERS: tuple[str, ...] = (
    "/wp-content/uploads/",
    "/docs/file/",
    "/public/list_upload/",
    "_upload/",
    "/fileupload/",
    "/uploads/",
    "download.php?",
    "/download/",
)


@_memo
def extension(url: str) -> str:
    """Lower-case extension of the decoded last path segment ("" when none)."""
    try:
        path = urlsplit(normalize_url(url)).path
    except ValueError:
        return ""
    last = unquote(path).rsplit("/", 1)[-1]
    return last.rsplit(".", 1)[-1].lower().strip() if "." in last else ""


@_memo
def looks_like_document(url: str) -> bool:
    """Whether `url` probably serves a file (by extension, a known upload path, or a Drive/Docs file)."""
    norm = normalize_url(url)
    if extension(norm) in DOCUMENT_EXTENSIONS:
        return True
    try:
        parts = urlsplit(norm)
    except ValueError:
        return False
    where = unquote(parts.path).lower() + ("?" + parts.query.lower() if parts.query else "")
    if any(marker in where for marker in UPLOAD_PATH_MARKERS):
        return True
    drive = canonical_drive(norm)
    return drive is not None and drive.kind != "folder"
