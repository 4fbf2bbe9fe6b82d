"""The CLI prints file names and reasons as plain text: markup in a file name is neither run nor a crash."""

from typer.testing import CliRunner

from crosswire.cli import app
from tests.ingest.builders import write

runner = CliRunner()
GOOD = "Ferry service resumes\n\nThe ferry to the island ran again on Thursday, the operator said.\n"


def test_cli_markup_in_file_names_is_printed_literally(tmp_path):
    folder = tmp_path / "batch"
    names = ["[bold]loud[/bold].txt", "close[/].txt", "[link=javascript:alert(1)]x[/link].txt"]
    for name in names:
        write(folder, name, b"\x00binary")
    write(folder, "good.txt", GOOD)
    result = runner.invoke(app, ["build", str(folder), "--db", str(tmp_path / "l.duckdb")])
    assert result.exit_code == 1, result.output
    for name in names:
        assert f"skipped {folder / name}: binary file" in result.stderr
