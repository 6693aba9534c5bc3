#!/usr/bin/env python3
"""The portal's benchmark: ``make bench`` and ``make bench-resilience``.

Starts the portal as production runs it (gunicorn with gunicorn.conf.py, production
settings, PostgreSQL, collected static files served by whitenoise) on a bench database,
warms it up and loads every public URL with ``wrk`` from a second process on loopback,
the server and wrk pinned to different CPUs when there are several. Prints per URL
requests/s, p50, p99, errors (socket errors + non-2xx/3xx answers) and the ratio to a
static CSS file served by the same server in the same run; writes the same as JSON under
var/bench/. URLs that answer 404 in this build are listed as "missing" and skipped.

Pages: every public page (tests/public_pages.py: ``BENCH_PAGES``, checked against the URL
conf by tests/caching/test_bench_pages.py), and a performance's own page found in the
bench database. wrk sends ``Accept-Encoding: gzip, deflate, br`` as a browser does; "KB"
is what one answer weighs on the wire.

Runs: the seed data (with the demo data) and ten times that (``manage.py
create_scale_data``), each with the shared page cache on the database cache ("cached
db"), on Redis ("cached redis", when Redis answers at ``BENCH_REDIS_URL``, default
redis://127.0.0.1:6379/0) and off ("uncached", ``PAGE_CACHE_ENABLED=0``). A summary per
size gives every page's ratio in the three runs.

``--layers``: what each layer of the page cache buys (caching/layers.py): the seed's size,
a few pages, the run the layer serves with the layer on and off (``CACHE_LAYERS_OFF``).

Lighthouse (mobile, in Debian's Chromium, headless): the home, district, house and
closing-day pages' performance, accessibility, best-practice and SEO scores, from the
first run's server. Lighthouse is installed with npm at the version pinned in
scripts/lighthouse/package-lock.json under var/tools/lighthouse (no browser download);
when it cannot be installed or Chromium is missing, the output says so and the bench
goes on. ``--no-lighthouse`` skips it; ``--quick`` is the seed's size, 3 s per page,
and ``--urls forside,distrikt`` only some pages, for a loop while changing code.

``--resilience``: 60 s at 64 connections (zero errors expected), then a load run during
which PostgreSQL restarts: errors are counted apart for the time before the database
accepts connections again and after (zero expected after). By default a private
PostgreSQL cluster under var/bench/ is restarted (other users of the machine's cluster
are not disturbed); ``--cluster main`` restarts the machine's cluster with
``pg_ctlcluster --skip-systemctl-redirect <version> main restart``.
"""

import argparse
import datetime
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VAR = ROOT / "var" / "bench"
PY = str(ROOT / ".venv" / "bin" / "python") if (ROOT / ".venv").exists() else sys.executable
PG = os.environ.get("BENCH_PG", "postgres://postgres@127.0.0.1:5432")
DB_NAME = os.environ.get("BENCH_DB", "ballerup_perf_bench")

sys.path.insert(0, str(ROOT))
from tests.public_pages import BENCH_PAGES  # noqa: E402

URLS = list(BENCH_PAGES.items())
# Measured in every run beside the pages, as yardsticks: the static file every ratio is
# taken to, and Django's floor on this machine, /healthz (the whole middleware stack, no
# template, no query). A page's ratio cannot exceed the floor's.
STATIC = "statisk css"
FLOOR = "gulv: /healthz"
REFERENCES = {STATIC, FLOOR}
REDIS = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/0")
# Browsers ask for compressed answers; the page cache and whitenoise give them.
ACCEPT_ENCODING = "gzip, deflate, br"
# The pages the layer runs use: the most visited, the heaviest and a query string.
LAYER_PAGES = ["forside", "distrikt", "boernehus", "institutioner", "soeg", "lukkedage"]
# Layer -> the run it serves.
LAYER_RUNS = {
    "worker_copies": "cached db",
    "compression": "cached db",
    "prepared_version": "cached db",
    "redis_client": "cached redis",
    "kept_values": "uncached",
    "fragments": "uncached",
}


LIGHTHOUSE_URLS = [
    ("forside", "/"),
    ("distrikt", "/distrikter/baltorp/"),
    ("boernehus", "/institutioner/boernehuset-bispevangen/"),
    ("lukkedage", "/lukkedage/"),
]
LIGHTHOUSE_CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
LIGHTHOUSE_DIR = ROOT / "var" / "tools" / "lighthouse"
CHROMIUM = os.environ.get("CHROME_PATH", "/usr/bin/chromium")


def log(*args):
    print(*args, flush=True)


def run(*cmd, env=None, check=True, **kw):
    return subprocess.run(cmd, cwd=ROOT, env=env, check=check, text=True, **kw)


def ensure_wrk():
    """Debian's wrk, installed with apt-get as root or with sudo; otherwise one line says
    what to install."""
    if shutil.which("wrk"):
        return
    if os.geteuid() == 0:
        sudo = []
    elif shutil.which("sudo") and not run("sudo", "-n", "true", check=False).returncode:
        sudo = ["sudo"]
    else:
        raise SystemExit("make bench mangler wrk: installér med 'sudo apt-get install wrk'")
    log("wrk mangler: installerer Debians pakke")
    apt = [*sudo, "env", "DEBIAN_FRONTEND=noninteractive", "apt-get"]
    if run(*apt, "install", "-y", "-qq", "wrk", check=False).returncode:
        run(*apt, "update", "-qq")
        run(*apt, "install", "-y", "-qq", "wrk")


def cpus():
    return sorted(os.sched_getaffinity(0))


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def portal_env(database_url, **extra):
    env = {k: v for k, v in os.environ.items() if k not in ("REDIS_URL",)}
    env.update(
        DJANGO_SETTINGS_MODULE="ballerup_portal.settings.prod",
        SECRET_KEY="bench-" + "k" * 50,
        ALLOWED_HOSTS="127.0.0.1,localhost",
        DATABASE_URL=database_url,
        SECURE_SSL_REDIRECT="0",
        TRUSTED_PROXY_COUNT="0",
        SITE_URL="https://bench.invalid",
        DEFAULT_FROM_EMAIL="Benchmark <noreply@bench.invalid>",
        STATIC_ROOT=str(VAR / "static"),
        GUNICORN_ACCESSLOG="",
        LOG_LEVEL="WARNING",
    )
    env.update(extra)
    return env


def prepare_database(base_url, factor, env_extra):
    url = f"{base_url}/{DB_NAME}"
    host = re.match(r"postgres://(\w+)@([\d.]+):(\d+)", base_url)
    user, hostname, port = host.groups()
    opts = ["-h", hostname, "-p", port, "-U", user]
    run("dropdb", *opts, "--if-exists", DB_NAME)
    run("createdb", *opts, DB_NAME)
    env = portal_env(url, **env_extra)
    run(PY, "manage.py", "migrate", "--noinput", "-v0", env=env)
    run(PY, "manage.py", "createcachetable", env=env)
    run(PY, "manage.py", "load_seed", env=env, stdout=subprocess.DEVNULL)
    # The demo data (performances, reports, meetings) and the scale data: made with the
    # development settings, which allow it (DEMO_DATA_ALLOWED), on the bench database.
    demo = {**env, "DJANGO_SETTINGS_MODULE": "ballerup_portal.settings.dev"}
    run(PY, "manage.py", "create_demo", env=demo, stdout=subprocess.DEVNULL)
    if factor > 1:
        scale = ("create_scale_data", f"--factor={factor}")
        made = run(PY, "manage.py", *scale, env=demo, check=False)
        if made.returncode:
            log("(denne version har ingen create_scale_data: kun seed-data)")
    run(PY, "manage.py", "collectstatic", "--noinput", "-v0", env=env)
    return url


def database_pages(env):
    """Pages whose address comes from the bench database: a performance's own page."""
    code = (
        "from bookings.models import Offer; "
        "o = Offer.objects.order_by('pk').first(); "
        "print(o.get_absolute_url() if o else '')"
    )
    out = run(PY, "manage.py", "shell", "-c", code, env=env, capture_output=True, check=False)
    path = out.stdout.strip().splitlines()[-1] if out.stdout.strip() else ""
    return [("forestilling", path)] if path.startswith("/") else []


def redis_answers(url):
    try:
        import redis

        return bool(redis.Redis.from_url(url, socket_connect_timeout=0.5).ping())
    except Exception:
        return False


def static_css():
    manifest = json.loads((VAR / "static" / "staticfiles.json").read_text())
    return "/static/" + manifest["paths"]["css/portal.css"]


class Server:
    def __init__(self, env):
        self.port = free_port()
        cmd = [PY, "-m", "gunicorn", "-c", "gunicorn.conf.py"]
        if len(cpus()) > 1:
            cmd = ["taskset", "-c", str(cpus()[0]), *cmd]
        env = {**env, "GUNICORN_BIND": f"127.0.0.1:{self.port}"}
        self.log = open(VAR / "gunicorn.log", "a")  # noqa: SIM115
        self.proc = subprocess.Popen(
            cmd, cwd=ROOT, env=env, stdout=self.log, stderr=subprocess.STDOUT
        )
        self.base = f"http://127.0.0.1:{self.port}"
        for _ in range(200):
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return
            except OSError:
                time.sleep(0.1)
        raise SystemExit("gunicorn startede ikke; se var/bench/gunicorn.log")

    def status(self, path):
        try:
            with urllib.request.urlopen(self.base + path, timeout=30) as response:
                return response.status
        except urllib.error.HTTPError as error:
            return error.code

    def stop(self):
        self.proc.send_signal(signal.SIGTERM)
        self.proc.wait(timeout=30)
        self.log.close()


UNITS = {"us": 1e-3, "ms": 1.0, "s": 1000.0, "m": 60000.0}
BYTES = {"B": 1, "KB": 1024, "MB": 1024**2, "GB": 1024**3}


def to_ms(text):
    number, unit = re.match(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(number) * UNITS[unit]


def wrk(url, seconds, connections=16, threads=1):
    cmd = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--latency"]
    cmd += ["-H", f"Accept-Encoding: {ACCEPT_ENCODING}", url]
    if len(cpus()) > 1:
        cmd = ["taskset", "-c", ",".join(map(str, cpus()[1:])), *cmd]
    out = run(*cmd, capture_output=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p50 = re.search(r"\s50%\s+(\S+)", out)
    p99 = re.search(r"\s99%\s+(\S+)", out)
    requests = int(re.search(r"(\d+) requests in", out).group(1))
    transfer = re.search(r"Transfer/sec:\s+([\d.]+)(B|KB|MB|GB)", out)
    per_second = float(transfer.group(1)) * BYTES[transfer.group(2)] if transfer else 0.0
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    sockets = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out
    )
    socket_errors = sum(map(int, sockets.groups())) if sockets else 0
    return {
        "rps": rps,
        "p50_ms": to_ms(p50.group(1)) if p50 else None,
        "p99_ms": to_ms(p99.group(1)) if p99 else None,
        "requests": requests,
        "kb": per_second / rps / 1024 if rps else 0.0,
        "non_2xx_3xx": int(non2xx.group(1)) if non2xx else 0,
        "socket_errors": socket_errors,
        "errors": (int(non2xx.group(1)) if non2xx else 0) + socket_errors,
    }


def table(title, rows):
    log(f"\n{title}")
    log(f"{'side':<24}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}{'KB':>7}{'fejl':>7}{'ratio':>7}")
    for row in rows:
        if row.get("missing"):
            log(f"{row['name']:<24}{'mangler (404 i denne version)':>48}")
            continue
        log(
            f"{row['name']:<24}{row['rps']:>9.0f}{row['p50_ms']:>9.2f}{row['p99_ms']:>9.2f}"
            f"{row['kb']:>7.1f}{row['errors']:>7}{row['ratio']:>7.2f}"
        )


def bench_run(env, seconds, label, urls=URLS, lighthouse=None):
    server = Server(env)
    try:
        css = static_css()
        urls = [*urls, (FLOOR, "/healthz"), (STATIC, css)]
        present = []
        rows = []
        for name, path in urls:
            status = server.status(path)
            if status == 404:
                rows.append({"name": name, "path": path, "missing": True})
            else:
                present.append((name, path))
        for _name, path in present:  # warm-up: every worker renders every page once
            wrk(server.base + path, 1, connections=4)
        results = {name: wrk(server.base + path, seconds) for name, path in present}
        static_rps = results[STATIC]["rps"]
        for name, path in present:
            rows.append(
                {
                    "name": name,
                    "path": path,
                    **results[name],
                    "ratio": results[name]["rps"] / static_rps,
                }
            )
        order = [name for name, _ in urls]
        rows.sort(key=lambda r: order.index(r["name"]))
        table(label, rows)
        if lighthouse is not None:
            lighthouse.update(run_lighthouse(server.base))
        return rows
    finally:
        server.stop()


# Lighthouse -----------------------------------------------------------------------


def ensure_lighthouse():
    """The pinned Lighthouse under var/tools/lighthouse: ``(path, None)`` or
    ``(None, why not)``. Never downloads a browser."""
    if not Path(CHROMIUM).exists():
        return None, f"Chromium mangler ({CHROMIUM})"
    if not shutil.which("npm"):
        return None, "npm mangler"
    source = ROOT / "scripts" / "lighthouse"
    LIGHTHOUSE_DIR.mkdir(parents=True, exist_ok=True)
    binary = LIGHTHOUSE_DIR / "node_modules" / ".bin" / "lighthouse"
    lock = (source / "package-lock.json").read_text()
    installed = LIGHTHOUSE_DIR / "node_modules" / ".package-lock.json"
    copied = LIGHTHOUSE_DIR / "package-lock.json"
    if binary.exists() and installed.exists() and copied.exists() and copied.read_text() == lock:
        return binary, None
    for name in ("package.json", "package-lock.json"):
        shutil.copy(source / name, LIGHTHOUSE_DIR / name)
    env = {**os.environ, "PUPPETEER_SKIP_DOWNLOAD": "1", "PUPPETEER_SKIP_CHROMIUM_DOWNLOAD": "1"}
    log("Installerer Lighthouse (npm ci, version fra scripts/lighthouse/package-lock.json)")
    done = subprocess.run(
        ["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"],
        cwd=LIGHTHOUSE_DIR,
        env=env,
        text=True,
        capture_output=True,
        check=False,
    )
    if done.returncode or not binary.exists():
        return None, "npm ci fejlede: " + (done.stderr.strip().splitlines() or ["?"])[-1]
    return binary, None


def run_lighthouse(base):
    """Mobile Lighthouse scores (0-100) per page, or ``{"error": ...}``."""
    binary, why = ensure_lighthouse()
    if binary is None:
        log(f"\nLighthouse springes over: {why}")
        return {"error": why}
    scores = {}
    env = {**os.environ, "CHROME_PATH": CHROMIUM, "PUPPETEER_SKIP_DOWNLOAD": "1"}
    for name, path in LIGHTHOUSE_URLS:
        scores[name] = lighthouse_page(binary, env, base, name, path)
        if "error" in scores[name]:  # Chromium's trace is sometimes lost: one more try
            scores[name] = lighthouse_page(binary, env, base, name, path)
    log("\nLighthouse (mobil, Chromium headless)")
    log(f"{'side':<15}{'perf':>6}{'a11y':>6}{'best':>6}{'seo':>6}")
    for name, row in scores.items():
        if "error" in row:
            log(f"{name:<15} fejl: {row['error']}")
        else:
            log(f"{name:<15}" + "".join(f"{row[c]!s:>6}" for c in LIGHTHOUSE_CATEGORIES))
    return scores


def score(category):
    """0-100, or None when Lighthouse could not score the category."""
    return None if category["score"] is None else round(category["score"] * 100)


def lighthouse_page(binary, env, base, name, path):
    out = VAR / f"lighthouse-{name}.json"
    out.unlink(missing_ok=True)
    done = subprocess.run(
        [
            str(binary),
            base + path,
            "--quiet",
            "--output=json",
            f"--output-path={out}",
            f"--only-categories={','.join(LIGHTHOUSE_CATEGORIES)}",
            "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
        ],
        cwd=ROOT,
        env=env,
        text=True,
        capture_output=True,
        check=False,
    )
    if done.returncode or not out.exists():
        return {"error": (done.stderr.strip().splitlines() or ["?"])[-1]}
    report = json.loads(out.read_text())
    categories = report["categories"]
    return {
        "path": path,
        **{c: round(categories[c]["score"] * 100) for c in LIGHTHOUSE_CATEGORIES},
        # What keeps a score below 100: the failing audits' ids.
        "failing": sorted(
            audit_id
            for audit_id, audit in report["audits"].items()
            if audit.get("score") is not None
            and audit["score"] < 1
            and audit.get("scoreDisplayMode") in ("binary", "numeric", "metricSavings")
        ),
    }


# Resilience -----------------------------------------------------------------------


class PrivateCluster:
    """A throw-away PostgreSQL cluster under var/bench/pg, owned by ``postgres``."""

    def __init__(self):
        versions = sorted(Path("/usr/lib/postgresql").iterdir())
        self.bin = versions[-1] / "bin"
        self.dir = VAR / "pg"
        self.port = free_port()
        self.as_postgres = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        if self.dir.exists():
            shutil.rmtree(self.dir)
        self.dir.mkdir(parents=True)
        if self.as_postgres:
            shutil.chown(self.dir, "postgres", "postgres")
        run(
            *self.as_postgres,
            str(self.bin / "initdb"),
            "-D",
            str(self.dir),
            "-U",
            "postgres",
            "--auth=trust",
            stdout=subprocess.DEVNULL,
        )
        self.ctl("start")
        self.url = f"postgres://postgres@127.0.0.1:{self.port}"

    def ctl(self, action):
        run(
            *self.as_postgres,
            str(self.bin / "pg_ctl"),
            "-D",
            str(self.dir),
            "-w",
            "-l",
            str(self.dir / "log"),
            "-o",
            f"-p {self.port} -k /tmp -h 127.0.0.1",
            "-m",
            "fast",
            action,
            stdout=subprocess.DEVNULL,
        )

    def restart(self):
        self.ctl("restart")

    def stop(self):
        self.ctl("stop")


class MainCluster:
    def __init__(self):
        self.version = sorted(p.name for p in Path("/usr/lib/postgresql").iterdir())[-1]
        self.url = PG

    def restart(self):
        run("pg_ctlcluster", "--skip-systemctl-redirect", self.version, "main", "restart")

    def stop(self):
        pass


def resilience(args):
    cluster = PrivateCluster() if args.cluster == "private" else MainCluster()
    report = {}
    try:
        env_extra = {"DATABASE_POOL_MAX": os.environ.get("DATABASE_POOL_MAX", "")}
        url = prepare_database(cluster.url, 1, env_extra)
        env = portal_env(url, **env_extra)
        server = Server(env)
        path = server.base + "/distrikter/baltorp/"
        try:
            wrk(path, 2, connections=8)
            steady = wrk(path, 60, connections=64, threads=2)
            report["steady_60s_64c"] = steady
            log("\n60 s, 64 forbindelser, distriktsside:", fmt(steady))
            # Load while PostgreSQL restarts: phase "during" covers the restart until the
            # database answers again; phase "after" the minute's rest.
            import threading

            during = {}

            def load():
                during.update(wrk(path, 15, connections=64, threads=2))

            worker = threading.Thread(target=load)
            worker.start()
            time.sleep(5)
            started = time.monotonic()
            cluster.restart()
            log(f"PostgreSQL genstartet på {time.monotonic() - started:.1f} s")
            worker.join()
            after = wrk(path, 30, connections=64, threads=2)
            report["during_restart_15s"] = during
            report["after_restart_30s"] = after
            log("Under genstart (15 s):", fmt(during))
            log("Efter genstart (30 s):", fmt(after))
        finally:
            server.stop()
    finally:
        cluster.stop()
    ok = report["steady_60s_64c"]["errors"] == 0 and report["after_restart_30s"]["errors"] == 0
    log("\nResultat:", "ingen fejl under last og efter genstart" if ok else "FEJL")
    return report, ok


def fmt(r):
    return (
        f"{r['rps']:.0f} req/s, p50 {r['p50_ms']:.1f} ms, p99 {r['p99_ms']:.1f} ms, "
        f"{r['requests']} svar, fejl {r['errors']} (ikke-2xx/3xx {r['non_2xx_3xx']}, "
        f"socket {r['socket_errors']})"
    )


MODES = {"db": "cached db", "redis": "cached redis", "uncached": "uncached"}


def mode_env(url, mode, stamp, tag, layers_off=()):
    """The portal's environment for a run: the page cache on the database cache, on
    Redis (keys under a prefix of their own) or off, and the layers turned off."""
    env = portal_env(url, PAGE_CACHE_ENABLED="0" if mode == "uncached" else "1")
    if mode == "cached redis":
        env.update(REDIS_URL=REDIS, CACHE_KEY_PREFIX=f"bench-{stamp}-{tag}")
    if layers_off:
        env["CACHE_LAYERS_OFF"] = ",".join(layers_off)
    return env


def summary(factor, runs):
    """Every page's ratio to the static file in each run of one data size."""
    names = [row["name"] for row in runs[0][1]]
    log(f"\nOversigt, data x{factor}: ratio til den statiske fil i samme kørsel")
    log(f"{'side':<24}" + "".join(f"{mode:>15}" for mode, _ in runs))
    for name in names:
        cells = []
        for _mode, rows in runs:
            row = next((r for r in rows if r["name"] == name), None)
            cells.append("mangler" if row is None or row.get("missing") else f"{row['ratio']:.2f}")
        log(f"{name:<24}" + "".join(f"{cell:>15}" for cell in cells))


def mean_ratio(rows):
    ratios = [r["ratio"] for r in rows if not r.get("missing") and r["name"] not in REFERENCES]
    return sum(ratios) / len(ratios) if ratios else 0.0


def layer_runs(args, stamp):
    """Each layer on and off in the run it serves, on a few pages at the seed's size."""
    url = prepare_database(PG, 1, {})
    urls = [(n, p) for n, p in URLS if n in LAYER_PAGES]
    redis_ok = redis_answers(REDIS)
    report = {}
    baseline = {}
    for layer, mode in LAYER_RUNS.items():
        if mode == "cached redis" and not redis_ok:
            log(f"\n{layer}: Redis svarer ikke på {REDIS}; springes over")
            continue
        if mode not in baseline:
            env = mode_env(url, mode, stamp, "layers-on")
            baseline[mode] = bench_run(env, args.seconds, f"{mode}, alle lag", urls)
        env = mode_env(url, mode, stamp, f"layers-{layer}", [layer])
        off = bench_run(env, args.seconds, f"{mode}, uden {layer}", urls)
        report[layer] = {"mode": mode, "on": baseline[mode], "off": off}
    log("\nLag: middel-ratio på siderne " + ", ".join(LAYER_PAGES))
    log(f"{'lag':<18}{'kørsel':<15}{'med':>7}{'uden':>7}{'køber':>8}")
    for layer, row in report.items():
        on, off = mean_ratio(row["on"]), mean_ratio(row["off"])
        log(f"{layer:<18}{row['mode']:<15}{on:>7.2f}{off:>7.2f}{on - off:>+8.2f}")
    return report


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=int, default=int(os.environ.get("BENCH_SECONDS", 5)))
    parser.add_argument("--sizes", default="1,10", help="data sizes (factors of the seed)")
    parser.add_argument("--modes", default="db,redis,uncached", help="of db, redis, uncached")
    parser.add_argument("--urls", default="", help="only these pages, e.g. forside,distrikt")
    parser.add_argument("--quick", action="store_true", help="seed size only, 3 s per page")
    parser.add_argument("--layers", action="store_true", help="each cache layer on and off")
    parser.add_argument("--no-lighthouse", action="store_true")
    parser.add_argument("--resilience", action="store_true")
    parser.add_argument("--cluster", choices=["private", "main"], default="private")
    parser.add_argument("--label", default="")
    args = parser.parse_args()
    ensure_wrk()
    VAR.mkdir(parents=True, exist_ok=True)
    stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
    commit = run("git", "rev-parse", "--short", "HEAD", capture_output=True, check=False)
    meta = {"commit": commit.stdout.strip(), "cpus": cpus(), "label": args.label}
    if args.resilience:
        report, ok = resilience(args)
        out = VAR / f"resilience-{stamp}.json"
        out.write_text(json.dumps({**meta, **report}, indent=2))
        log(f"JSON: {out}")
        return 0 if ok else 1
    if args.quick:
        args.sizes, args.seconds = "1", 3
    if args.layers:
        report = layer_runs(args, stamp)
        out = VAR / f"layers-{stamp}.json"
        out.write_text(json.dumps({**meta, "seconds": args.seconds, "layers": report}, indent=2))
        log(f"\nJSON: {out}")
        return 0
    chosen = args.urls.split(",") if args.urls else None
    modes = [MODES[m] for m in args.modes.split(",")]
    if "cached redis" in modes and not redis_answers(REDIS):
        log(f"Redis svarer ikke på {REDIS} (BENCH_REDIS_URL): kørslen på Redis springes over")
        modes.remove("cached redis")
    lighthouse = None if args.no_lighthouse else {}
    results = {}
    for factor in [int(f) for f in args.sizes.split(",")]:
        url = prepare_database(PG, factor, {})
        urls = [*URLS, *database_pages(portal_env(url))]
        if chosen:
            urls = [(name, path) for name, path in urls if name in chosen]
        runs = []
        for mode in modes:
            env = mode_env(url, mode, stamp, str(factor))
            label = f"data x{factor}, {mode} ({args.seconds} s per side, {len(cpus())} CPU)"
            # Lighthouse once, on the first run's server (the seed's size).
            once = lighthouse if lighthouse is not None and not lighthouse else None
            rows = bench_run(env, args.seconds, label, urls, once)
            results[f"x{factor}-{mode}"] = rows
            runs.append((mode, rows))
        summary(factor, runs)
    out = VAR / f"bench-{stamp}.json"
    report = {**meta, "seconds": args.seconds, "runs": results}
    if lighthouse is not None:
        report["lighthouse"] = lighthouse
        installed = LIGHTHOUSE_DIR / "node_modules" / "lighthouse" / "package.json"
        if installed.exists():
            report["lighthouse_version"] = json.loads(installed.read_text())["version"]
    out.write_text(json.dumps(report, indent=2))
    log(f"\nJSON: {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
