"""The command line: --help names every option and every environment variable the code reads."""

import json
import logging
import re
import sys
from pathlib import Path

import pytest

import config
from adapters.logs import JsonFormatter
from operations.cli import main, parser

ROOT = Path(__file__).resolve().parents[2]
READS = re.compile(r"""(?:environ\.get|env\.get|_flag|_choice|seconds)\(\s*"([A-Z][A-Z0-9_]+)\"""")
# Read, but not the portal's own: the tests', and the desktop's (is there a screen for a browser?).
NOT_OURS = {"TEST_POSTGRES_URL", "TEST_REDIS_URL", "CI", "BENCH_REUSE", "DISPLAY", "WAYLAND_DISPLAY"}


def variables_read() -> set[str]:
    found = set()
    packages = ("adapters", "api", "components", "demo", "domain", "jobs", "operations", "pages", "storage")
    for folder in packages:
        for path in (ROOT / folder).rglob("*.py"):
            found |= set(READS.findall(path.read_text()))
    for path in (ROOT / "main.py", ROOT / "config.py"):
        found |= set(READS.findall(path.read_text()))
    return found - NOT_OURS


def test_help_lists_every_option_and_every_environment_variable(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["--help"])
    assert stopped.value.code == 0
    shown = capsys.readouterr().out
    assert "NICEGUI_REDIS_URL" in shown
    assert variables_read() <= {name for name, _default, _what in config.ENVIRONMENT}
    for name, _default, _what in config.ENVIRONMENT:
        assert f"  {name} " in shown, name
    for action in parser()._actions:
        for option in action.option_strings:
            assert option in shown


def test_backup_without_a_file_name_is_refused_clearly(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["backup"])
    assert stopped.value.code == 2
    assert "backup needs the archive's file name" in capsys.readouterr().err


def test_json_logs_are_one_object_a_line_with_the_traceback_inside() -> None:
    try:
        raise ValueError("broken")
    except ValueError:
        record = logging.LogRecord(
            "jobs", logging.ERROR, __file__, 1, "job %s failed", ("x",), sys.exc_info()
        )
    line = JsonFormatter().format(record)
    assert "\n" not in line
    entry = json.loads(line)
    assert (entry["level"], entry["logger"], entry["message"]) == ("ERROR", "jobs", "job x failed")
    assert "ValueError: broken" in entry["exception"]
