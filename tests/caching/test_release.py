"""Each release keeps its shared pages under its own keys: in a rolling deploy a host
still on the old code must not fill the cache with old pages under the new content
version (``caching.release``)."""

from caching import keys, release

META = {"wsgi.url_scheme": "https", "HTTP_HOST": "boern.ballerup.dk", "PATH_INFO": "/"}


def test_another_release_reads_and_writes_other_keys(monkeypatch):
    monkeypatch.setattr(keys, "release_id", lambda: "gammel")
    old = keys.page_key(META)
    monkeypatch.setattr(keys, "release_id", lambda: "ny")
    assert keys.page_key(META) != old
    monkeypatch.setattr(keys, "release_id", lambda: "gammel")
    assert keys.page_key(META) == old


def test_the_release_is_the_code_unless_the_deploy_names_it(tmp_path, monkeypatch):
    (tmp_path / "templates").mkdir()
    page = tmp_path / "templates" / "side.html"
    page.write_text("<p>Før</p>", encoding="utf-8")
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests" / "test_x.py").write_text("x = 1", encoding="utf-8")
    before = release.digest(tmp_path)
    assert release.digest(tmp_path) == before  # the same files, the same release
    (tmp_path / "tests" / "test_x.py").write_text("x = 2", encoding="utf-8")
    assert release.digest(tmp_path) == before  # tests make no page
    page.write_text("<p>Efter</p>", encoding="utf-8")
    assert release.digest(tmp_path) != before
    monkeypatch.setenv("RELEASE_ID", "a1b2c3d")
    release.release_id.cache_clear()
    try:
        assert release.release_id() == "a1b2c3d"
    finally:
        release.release_id.cache_clear()
