"""``.env.example`` names every environment variable the settings and gunicorn read, so an
operator sees every knob in one file."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
READ = re.compile(r"""(?:environ\.get\(|environ\[|\benv(?:_\w+)?\()\s*["']([A-Z][A-Z0-9_]+)["']""")


def test_every_variable_read_is_in_env_example():
    sources = [
        *sorted((ROOT / "ballerup_portal" / "settings").glob("*.py")),
        ROOT / "gunicorn.conf.py",
    ]
    read = {name for path in sources for name in READ.findall(path.read_text())}
    example = set(re.findall(r"^#? ?([A-Z][A-Z0-9_]+)=", (ROOT / ".env.example").read_text(), re.M))
    assert read, "the pattern no longer finds how the settings read variables"
    assert sorted(read - example) == []
