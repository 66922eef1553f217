"""Run checks for one or many agencies: builds the shared client, fetcher and extractor (an I/O edge)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date

import httpx

from oit_checker import __version__
from oit_checker.engine.pipeline import DEFAULT_AGENCY_BUDGET_S, Checker
from oit_checker.extract.pool import DEFAULT_MEMORY_LIMIT, DEFAULT_TIMEOUT_S, ExtractPool
from oit_checker.fetch.client import Fetcher, FetchSettings, build_client
from oit_checker.follow.choose import FollowSettings
from oit_checker.model import Agency, AgencyResult, Catalogue, RunResult
from oit_checker.text.clock import now_iso
from oit_checker.text.fiscal import current_fiscal_year


@dataclass(frozen=True)
class RunOptions:
    fetch: FetchSettings = field(default_factory=FetchSettings)
    follow: FollowSettings = field(default_factory=FollowSettings)
    agency_budget_s: float = DEFAULT_AGENCY_BUDGET_S
    insecure: bool = False  # after a TLS failure, fetch again without verification and say so
    extract_workers: int | None = None  # None: one per CPU; 0: in-process
    extract_timeout_s: float = DEFAULT_TIMEOUT_S  # per document: one bomb-like PDF cannot stall the run
    extract_memory_bytes: int | None = DEFAULT_MEMORY_LIMIT  # per extraction worker (address space)

    def extract_pool(self) -> ExtractPool:
        return ExtractPool(workers=self.extract_workers, timeout=self.extract_timeout_s,
                           memory_limit=self.extract_memory_bytes)
    agencies_at_once: int = 4


def resolve_fiscal_year(override: int | None, agencies: Sequence[Agency], today: date) -> int:
    """--fiscal-year, else the manifest's, else the fiscal year of today's date."""
    if override is not None:
        return override
    for a in agencies:
        if a.fiscal_year is not None:
            return a.fiscal_year
    return current_fiscal_year(today)




async def run_agencies(
    agencies: Sequence[Agency],
    catalogue: Catalogue,
    fiscal_year: int,
    options: RunOptions | None = None,
    *,
    item_ids: Sequence[str] | None = None,
    force_fiscal_year: bool = False,
    transport: httpx.AsyncBaseTransport | None = None,
    on_agency_done: Callable[[AgencyResult], None] | None = None,
    on_progress: Callable[[str, str], None] | None = None,
) -> RunResult:
    options = options or RunOptions()
    started = now_iso()
    async with build_client(options.fetch, transport=transport) as client:
        insecure_client = build_client(options.fetch, verify=False, transport=transport) if options.insecure else None
        try:
            fetcher = Fetcher(client, options.fetch, insecure_client=insecure_client)
            with options.extract_pool() as extractor:
                checker = Checker(fetcher, extractor, options.follow, agency_budget_s=options.agency_budget_s,
                                  on_progress=on_progress)
                gate = asyncio.Semaphore(options.agencies_at_once)

                async def one(agency: Agency) -> AgencyResult:
                    async with gate:
                        fy = fiscal_year if force_fiscal_year or agency.fiscal_year is None else agency.fiscal_year
                        result = await checker.check(agency, catalogue, fy, item_ids)
                    if on_agency_done is not None:
                        on_agency_done(result)
                    return result

                results = await asyncio.gather(*(one(a) for a in agencies))
        finally:
            if insecure_client is not None:
                await insecure_client.aclose()
    return RunResult(criteria_year=catalogue.criteria_year, catalogue_version=catalogue.version,
                     catalogue_source=catalogue.source, fiscal_year=fiscal_year, tool_version=__version__,
                     started_at=started, finished_at=now_iso(), agencies=tuple(results))
