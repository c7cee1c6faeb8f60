"""The command line: every command has help with an example, and user errors are one clear line."""

import pytest
from click.testing import CliRunner

from tracker.cli import cli

COMMANDS = sorted(cli.commands)


def test_the_expected_commands_exist():
    assert {"ingest", "extract", "evaluate", "serve", "publish", "correct"} <= set(COMMANDS)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_an_example(command):
    for flag in ("--help", "-h"):
        result = CliRunner().invoke(cli, [command, flag])
        assert result.exit_code == 0
        assert "Example:" in result.output and f"tracker {command}" in result.output


@pytest.mark.parametrize("command", ["serve", "publish"])
def test_a_missing_database_is_a_one_line_error(command, tmp_path):
    missing = tmp_path / "none.db"
    result = CliRunner().invoke(cli, [command, "--db", str(missing)])
    assert result.exit_code == 1
    assert result.output.strip() == f"Error: {missing} does not exist: run `tracker ingest` first"


def test_extract_refuses_a_file_that_is_not_jsonl_in_one_line_naming_its_first_bad_line(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text('Minister Tavi Orun said the bridge would reopen.\n"It holds," she said.\n[1, 2]\n',
                    encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", str(path), "-o", str(tmp_path / "out.jsonl")])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f'Error: {path}:1: broken JSON (Expecting value) (3 bad line(s) in all; extract reads JSONL: '
        f'one {{"id", "text"}} object per line)']
