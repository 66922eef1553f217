"""Pages drawn by JavaScript: is an HTML answer an empty shell that a script fills in the browser (a single-page
app), or a page with its own content?

A React/Vue/Angular/Next/Nuxt build sends `<div id="root"></div>` and a script bundle; the assessor's browser
draws the page, this tool's HTML reader sees nothing. Reading such a shell as "an empty page" would be a false
fail, so the shell is recognised from its structure and reported for a person (or `--render`) to look at.

The signals are read on the parsed tree in two steps, because they live on both sides of the text cleaning:

* `scan_scripts` before `<script>`, `<noscript>`, `<template>` … are removed: which scripts the page loads
  (application bundles such as `/assets/index-3f9a2c1e.js`, `/_next/static/…`, `main.<hash>.js`), framework
  markers (`__NEXT_DATA__`, `window.__NUXT__`, `ng-version`, `data-v-app` …), a `<noscript>` asking for
  JavaScript, links whose fragment is an app route (`#/ita/o6`);
* `judge_shell` after they are removed: how much text a reader sees (whitespace not counted), how much of it
  lies outside links, and whether a mount point (`#root`, `#app`, `#__next`, `app-root` …) is empty.

The rule (characters without whitespace):

    small  = text ≤ 400 and text outside links ≤ 200
    shell  = small and ( an empty mount point (≤ 40 characters: "Loading…") and a bundle or a framework marker
                       or a mount point holding nothing or only a loading line ("กำลังโหลดข้อมูล…"), at most
                          40 characters around it, and a module or deferred script of the page's own site,
                          whatever its name (`/js/app.js`)
                       or a <noscript> asking for JavaScript and an external script
                       or ≥ 3 app-route links and (a bundle, a marker or an empty mount point) )

The thresholds sit between the largest shell seen (171 characters: an AngularJS CMS with its menu in the HTML)
and the smallest server-rendered framework page (753). No page without any of the structural signals is ever
a shell, however short: a short page stays a short page (`empty_page` and `cover_only` still apply to it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from selectolax.lexbor import LexborHTMLParser, LexborNode

from oit_checker.text import i18n
from oit_checker.text.urls import same_site

__all__ = ["ShellScan", "detect_shell", "is_bundle", "judge_shell", "scan_scripts"]

TEXT_MAX = 400  # visible characters (no whitespace) at most on a shell
OWN_TEXT_MAX = 200  # of which outside links
MOUNT_EMPTY = 40  # a mount point holding at most this much text is empty ("Loading...", "กำลังโหลดข้อมูล...")
ROUTE_LINKS_MIN = 3  # links whose fragment is an app route (#/ita/o6, #!/news)

_WS = re.compile(r"\s+")
_MOUNT_IDS = ("root", "app", "__next", "__nuxt", "___gatsby", "svelte", "q-app")
_MOUNT_SELECTORS = (
    *(f"[id='{i}']" for i in _MOUNT_IDS),
    "app-root", "[data-reactroot]", "[data-v-app]", "[ng-version]", "[ng-view]", "ng-view", "[ui-view]", "ui-view",
)  # fmt: skip
# Script URLs that are an application bundle, not a library or a CMS's own script.
_BUNDLE_RE = re.compile(
    r"/_next/static/|/_nuxt/|/static/js/main\.|/@vite/client"
    r"|(?:^|/)(?:index|main|app|runtime|polyfills|vendor|vendors|chunk-vendors|framework|webpack|entry|bundle)"
    r"[.-][A-Za-z0-9_-]{6,}(?:\.chunk)?\.m?js$"
    r"|(?:^|/)(?:angular|vue|react|react-dom|preact|svelte)(?:\.global|\.production)?(?:\.min)?\.js$",
    re.I,
)
_MARKERS = (
    ("script#__NEXT_DATA__", "__NEXT_DATA__"), ("[data-reactroot]", "data-reactroot"), ("[data-v-app]", "data-v-app"),
    ("[ng-version]", "ng-version"), ("[ng-app]", "ng-app"), ("[ng-view]", "ng-view"), ("app-root", "app-root"),
    ("[data-server-rendered]", "data-server-rendered"),
)  # fmt: skip
_INLINE_MARKERS = (("window.__NUXT__", "__NUXT__"), ("__INITIAL_STATE__", "__INITIAL_STATE__"))
_NEEDS_JS = re.compile(
    r"enable javascript|javascript enabled|without javascript|javascript is required|requires javascript"
    r"|เปิด(?:ใช้งาน)?\s*javascript|javascript\s*เพื่อ",
    re.I,
)
_BUNDLES_KEPT = 3
# What a mount point shows while its script loads: "กำลังโหลดข้อมูล…", "Loading...", "โปรดรอสักครู่" (compared
# lower-cased, without whitespace and punctuation). Anything else in the mount is the page's own content.
_LOADING_RE = re.compile(
    r"(?:(?:ระบบ)?กำลัง(?:โหลด|ดาวน์โหลด)(?:ข้อมูล|หน้า(?:เว็บ)?|เนื้อหา)?|โหลดข้อมูล|(?:กรุณา|โปรด)รอ(?:สักครู่)?"
    r"|loading(?:data|page|content)?|pleasewait)+"
)
_PUNCT_RE = re.compile(r"[\s.…·!\-–—_:|/()\[\]]+")


@dataclass
class ShellScan:
    """What the page's scripts and structure say, then what its text says (see the module's docstring)."""

    bundles: list[str] = field(default_factory=list)  # application bundle paths (first few)
    markers: list[str] = field(default_factory=list)  # framework fingerprints
    external_scripts: int = 0
    own_scripts: list[str] = field(default_factory=list)  # module/deferred scripts of the page's own site (paths)
    noscript_js: bool = False  # a <noscript> asks for JavaScript
    route_links: int = 0  # anchors whose fragment is an app route
    text_chars: int = 0
    own_text_chars: int = 0  # outside <a>
    mounts: list[str] = field(default_factory=list)  # "#root (0)", "app-root (0)"
    empty_mount: str = ""  # the first empty mount point, as shown
    loading_mount: str = ""  # the first mount point holding nothing or only a loading line, as shown

    @property
    def app(self) -> bool:
        return bool(self.bundles or self.markers)

    def verdict(self, drawn: bool = False) -> str:
        """Why the page is a shell drawn by JavaScript (signals, in English, for reports), or "".

        `drawn`: the HTML is the DOM a browser drew (`--render`), not what the server sent. Only an empty mount
        point then says the app drew nothing: a `<noscript>` the browser kept but never showed, or the menu's
        app-route links, describe the shell the server sent, not the page the browser drew."""
        if self.text_chars > TEXT_MAX or self.own_text_chars > OWN_TEXT_MAX:
            return ""
        script = ""
        if self.app:
            script = _signal("bundle", name=self.bundles[0]) if self.bundles \
                else _signal("marker", name=self.markers[0])
        if self.empty_mount and self.app:
            signals = [_signal("empty_mount", where=self.empty_mount), script]
        elif self.loading_mount and self.own_scripts:
            signals = [_signal("empty_mount", where=self.loading_mount), _signal("script", name=self.own_scripts[0])]
        elif drawn:
            return ""
        elif self.noscript_js and self.external_scripts:
            signals = [_signal("noscript"), script or _signal("external_scripts", n=self.external_scripts)]
        elif self.route_links >= ROUTE_LINKS_MIN and (self.app or self.empty_mount):
            signals = [_signal("route_links", n=self.route_links),
                       script or _signal("empty_mount", where=self.empty_mount)]
        else:
            return ""
        return "; ".join([i18n.count("shell_signal.text_chars", self.text_chars, "en"), *signals])


def _signal(key: str, /, **values: object) -> str:
    """One signal of a shell, in English (how `Document.script_shell` stores it; evaluation rewords it)."""
    return i18n.text(f"shell_signal.{key}", "en", **values)


def _path(url: str) -> str:
    try:
        return urlsplit(url).path
    except ValueError:
        return ""


def _add_bundle(scan: ShellScan, url: str) -> None:
    path = _path(url.strip())
    if _BUNDLE_RE.search(path) and len(scan.bundles) < _BUNDLES_KEPT and path not in scan.bundles:
        scan.bundles.append(path)


def _own_script(src: str, attrs: dict[str, str | None], page_url: str) -> bool:
    """A module or deferred script served by the page's own site (a relative URL, or `page_url`'s site)."""
    module = (attrs.get("type") or "").strip().lower() == "module"
    if not (module or "defer" in attrs) or not src.lower().split("?")[0].endswith((".js", ".mjs")):
        return False
    try:
        parts = urlsplit(src)
    except ValueError:
        return False
    if not parts.netloc and not parts.scheme:
        return True
    return bool(page_url) and same_site(urljoin(page_url, src), page_url)


def scan_scripts(tree: LexborHTMLParser, url: str = "") -> ShellScan:
    """Step 1, on the untouched tree: scripts, framework markers, `<noscript>`, app-route links. `url` is the
    page's own address (which scripts are its site's own); without it only relative script URLs are."""
    scan = ShellScan()
    for script in tree.css("script"):
        attrs = script.attributes
        src = (attrs.get("src") or "").strip()
        if src:
            scan.external_scripts += 1
            _add_bundle(scan, src)
            if _own_script(src, attrs, url) and len(scan.own_scripts) < _BUNDLES_KEPT:
                scan.own_scripts.append(_path(src) or src)
        elif (attrs.get("type") or "").strip().lower() != "application/json":
            code = script.text()
            scan.markers += [name for needle, name in _INLINE_MARKERS if needle in code and name not in scan.markers]
    for link in tree.css("link[rel=modulepreload][href]"):
        _add_bundle(scan, link.attributes.get("href") or "")
    scan.markers += [name for sel, name in _MARKERS if name not in scan.markers and tree.css_first(sel) is not None]
    scan.noscript_js = any(_NEEDS_JS.search(n.text()) for n in tree.css("noscript"))
    for a in tree.css("a[href]"):
        _, sep, fragment = (a.attributes.get("href") or "").partition("#")
        if sep and fragment.startswith(("/", "!/")) and fragment.strip("/!"):
            scan.route_links += 1
    return scan


def _chars(node: LexborNode | None) -> int:
    return len(_WS.sub("", node.text(separator=" "))) if node is not None else 0


def _only_loading(node: LexborNode) -> bool:
    """The mount shows nothing, or only a loading line ("กำลังโหลดข้อมูล…", "Loading...")."""
    text = _PUNCT_RE.sub("", node.text(separator=" ").lower())
    return not text or _LOADING_RE.fullmatch(text) is not None


def _shown(selector: str) -> str:
    return "#" + selector[5:-2] if selector.startswith("[id='") else selector


def judge_shell(tree: LexborHTMLParser, scan: ShellScan, drawn: bool = False) -> str:
    """Step 2, once scripts, styles, `<noscript>` and `<template>` are gone: the text a reader sees and the
    mount points. Returns `scan.verdict(drawn)`: why the page is a shell, or ""."""
    body = tree.body or tree.root
    if body is None:
        return ""
    scan.text_chars = _chars(body)
    if scan.text_chars > TEXT_MAX:
        return ""  # a page with this much text is read as it is: no need to look further
    scan.own_text_chars = scan.text_chars - sum(_chars(a) for a in body.css("a"))
    seen: set[int] = set()
    for selector in _MOUNT_SELECTORS:
        for node in tree.css(selector):
            key = hash((node.tag, node.attributes.get("id"), (node.html or "")[:80]))
            if key in seen:
                continue
            seen.add(key)
            chars = _chars(node)
            scan.mounts.append(f"{_shown(selector)} ({chars})")
            if chars <= MOUNT_EMPTY and not scan.empty_mount:
                scan.empty_mount = _shown(selector)
            # Whatever the script's name, only a page that is nothing but its loading mount: the text around
            # it (a header, a notice) is at most a loading line's worth.
            if (not scan.loading_mount and chars <= MOUNT_EMPTY and scan.text_chars - chars <= MOUNT_EMPTY
                    and _only_loading(node)):
                scan.loading_mount = _shown(selector)
    return scan.verdict(drawn)


_DROP = ["script", "style", "noscript", "template", "svg"]


def detect_shell(html: str, url: str = "", *, drawn: bool = False) -> str:
    """Both steps on a page of its own (decoded HTML, fetched from `url`): why it is a shell drawn by JavaScript,
    or "". `drawn`: `html` is the DOM a headless browser drew (see `ShellScan.verdict`)."""
    tree = LexborHTMLParser(html)
    scan = scan_scripts(tree, url)
    tree.strip_tags(_DROP, recursive=True)
    return judge_shell(tree, scan, drawn)


def is_bundle(url: str) -> bool:
    """Whether a script URL is an application bundle or a framework build (not analytics, not a widget)."""
    return bool(_BUNDLE_RE.search(_path(url)))
