"""What fetching a URL gave: `Fetched`, and why it could not be looked at (`FetchError`)."""

from __future__ import annotations

import functools
import hashlib
from dataclasses import dataclass, field
from enum import StrEnum

# ---------------------------------------------------------------- fetch


class FetchError(StrEnum):
    """Why a URL could not be looked at. Maps one-to-one onto reason codes."""

    TIMEOUT = "timeout"
    CONNECT = "unreachable"  # DNS failure, refused, reset
    TLS = "tls_error"
    TOO_MANY_REDIRECTS = "redirect_loop"
    BAD_SCHEME = "bad_scheme"
    TOO_LARGE = "too_large"
    PROTOCOL = "protocol_error"
    LOGIN = "login_wall"  # HTTP 401: the server asks for a login
    BOT_WALL = "bot_wall"  # a CDN/firewall challenge or block page instead of the content
    REFUSED = "refused_private_address"  # the fetch policy: loopback, private, link-local … (fetch/policy.py)


@dataclass(frozen=True)
class Fetched:
    url: str  # as requested (normalized)
    final_url: str
    status: int | None = None
    content_type: str = ""  # the header's media type, lower-case, no parameters
    charset: str | None = None  # from the Content-Type header
    body: bytes = b""  # dropped after extraction for files (see body_sha256); HTML pages keep theirs
    error: FetchError | None = None
    error_detail: str = ""
    redirects: tuple[str, ...] = ()
    attempts: int = 1
    truncated: bool = False
    insecure: bool = False  # fetched with TLS verification off (--insecure)
    elapsed_s: float = 0.0
    headers: dict[str, str] = field(default_factory=dict)
    from_cache: bool = False
    body_sha256: str = ""  # set when the body itself was dropped to bound a run's memory
    budget_cut: bool = False  # the agency's time budget (not the server) ended the fetch

    @property
    def ok(self) -> bool:
        return self.error is None and self.status is not None and 200 <= self.status < 300

    @functools.cached_property
    def digest(self) -> str:
        """sha256 of the body of a successful answer ("" when there is none), also once the body was dropped.
        Worked out once per answer (a `replace` makes a new one): asked for every item that reads it."""
        if not self.ok:
            return ""
        return self.body_sha256 or (hashlib.sha256(self.body).hexdigest() if self.body else "")

    @property
    def answer(self) -> str:
        """The answer in one string, to tell a later night it is the same: the body's sha256, else the status
        or the error."""
        return self.digest or f"{self.status} {self.error.value if self.error else ''}".strip()




@dataclass(frozen=True)
class Rendered:
    """What a headless browser drew for one page (`--render`): the serialized DOM, or why there is none."""

    url: str  # as loaded, an app route (`#/ita/o6`) included
    html: str | None = None  # `None`: not rendered (see `note`)
    note: str = ""  # "read when the page's network went idle" · "network not idle within 15 s: …" · why not
    idle: bool = False  # the page's network went quiet within the time cap
    elapsed_s: float = 0.0
    requests: int = 0  # the page's requests the product's client made for the browser
    blocked: tuple[str, ...] = ()  # hosts or kinds of request refused (other sites, images, fonts …)
