"""``.env.example`` names every environment variable the settings and gunicorn read, so an
operator sees every knob in one file."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
READ = re.compile(
    r"""(?:environ\.get\(|environ\[|\benv(?:_\w+)?\(|\b_(?:whole|switch)\()\s*["']([A-Z][A-Z0-9_]+)["']"""
)


def test_every_variable_read_is_in_env_example():
    sources = [
        *sorted((ROOT / "ballerup_portal" / "settings").glob("*.py")),
        ROOT / "gunicorn.conf.py",
    ]
    read = {name for path in sources for name in READ.findall(path.read_text())}
    example = set(re.findall(r"^#? ?([A-Z][A-Z0-9_]+)=", (ROOT / ".env.example").read_text(), re.M))
    assert read, "the pattern no longer finds how the settings read variables"
    assert {"WEB_CONCURRENCY", "GUNICORN_PRELOAD", "LOG_LEVEL", "PDF_CHECK_SECONDS"} <= read
    assert sorted(read - example) == []


def test_env_example_reads_the_same_in_the_shell_as_in_systemd():
    """The cron lines load `.env` with `set -a; . ./.env`: every line must be valid shell
    with the value systemd's EnvironmentFile= gives (an unquoted `<` was a redirect)."""
    import subprocess

    text = (ROOT / ".env.example").read_text()
    script = 'set -a; . "$1"; set +a; printf %s "$DEFAULT_FROM_EMAIL"'
    result = subprocess.run(
        ["sh", "-c", script, "sh", "./.env.example"],
        cwd=ROOT, capture_output=True, text=True, check=False, env={"PATH": "/usr/bin:/bin"},
    )  # fmt: skip
    assert result.returncode == 0 and result.stderr == ""
    assert result.stdout == "Ballerup børneportal <noreply@ballerup.dk>"
    for line in text.splitlines():
        name, _, value = line.partition("=")
        if line.startswith("#") or not value:
            continue
        quoted = value.startswith('"') and value.endswith('"')
        assert quoted or not set(value) & set(" <>;&$|'\"`"), line


def test_every_documented_cron_line_loads_the_production_environment():
    """Cron gives a command no environment: without `.env` manage.py ran with the
    development settings against an empty SQLite file."""
    docs = (ROOT / "docs" / "operations.md").read_text()
    cron = re.findall(r"```cron\n(.*?)```", docs, re.S)
    lines = [line for block in cron for line in block.splitlines() if "manage.py" in line]
    assert len(lines) >= 3
    for line in lines:
        assert "set -a && . ./.env && set +a && .venv/bin/python manage.py" in line, line
    assert "EnvironmentFile=/srv/ballerup/.env" in docs
