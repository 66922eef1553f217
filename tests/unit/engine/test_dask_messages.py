"""What a Dask worker or the driver says when the cluster is set up wrong, in the audit's language: the worker
says its own problems (another version of the tool, a daemonic process) in the language the driver sent with
the task, since the message is printed by the driver to its user."""

from __future__ import annotations

import asyncio
import multiprocessing
from pathlib import Path
from types import SimpleNamespace

import pytest

from oit_checker import __version__
from oit_checker.catalogue.rules import catalogue_path_for, load_catalogue
from oit_checker.engine import dask_executor
from oit_checker.engine.batch import CheckSettings, DaskSettings
from oit_checker.engine.history import StoreSpec
from oit_checker.engine.session import RunOptions
from oit_checker.errors import ConfigError
from oit_checker.text import i18n


def job(tmp_path: Path, **changes: object) -> dask_executor.BatchJob:
    values: dict[str, object] = dict(store=StoreSpec.of(tmp_path / "h.sqlite3"), run_id=1, agencies=(),
                                     catalogue=load_catalogue(catalogue_path_for(2568)), fiscal_year=2568,
                                     settings=CheckSettings(options=RunOptions(extract_workers=1)))
    values.update(changes)
    return dask_executor.BatchJob(**values)  # type: ignore[arg-type]


def test_a_worker_of_another_version_says_so_in_the_drivers_language(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as raised:
        dask_executor.run_batch(job(tmp_path, tool_version="0.0.1", lang="th"))
    message = str(raised.value)
    assert message.startswith(f"worker {dask_executor.worker_id()} ใช้ oit-checker รุ่น {__version__}")
    assert "ผู้สั่งตรวจใช้รุ่น 0.0.1" in message and "ติดตั้งรุ่นเดียวกันทุกเครื่อง" in message
    with pytest.raises(ConfigError, match=r"runs oit-checker .*, the driver 0\.0\.1: install the same version"):
        dask_executor.run_batch(job(tmp_path, tool_version="0.0.1", lang="en"))


def test_a_daemonic_worker_says_how_to_start_workers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(multiprocessing, "current_process", lambda: SimpleNamespace(daemon=True))
    with pytest.raises(ConfigError) as raised:
        dask_executor.run_batch(job(tmp_path, lang="th"))
    message = str(raised.value)
    assert "เป็นโพรเซสแบบ daemon" in message and "DASK_DISTRIBUTED__WORKER__DAEMON=False" in message
    assert not (tmp_path / "h.sqlite3").exists()  # refused before the history is opened


def test_the_driver_tells_an_unreachable_scheduler_in_thai(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refused(*args: object, **kwargs: object) -> None:
        raise OSError("Timed out trying to connect to tcp://127.0.0.1:1")

    monkeypatch.setattr(dask_executor, "Client", refused)
    i18n.set_language("th")
    executor = dask_executor.DaskExecutor(DaskSettings(scheduler="tcp://127.0.0.1:1"),
                                          StoreSpec.of(tmp_path / "h.sqlite3"))

    async def enter() -> None:
        async with executor:
            pass

    with pytest.raises(ConfigError) as raised:
        asyncio.run(enter())
    assert str(raised.value) == ("ติดต่อ Dask scheduler ที่ tcp://127.0.0.1:1 ไม่ได้ "
                                 "(Timed out trying to connect to tcp://127.0.0.1:1)")
