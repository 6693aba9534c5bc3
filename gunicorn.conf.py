"""gunicorn settings for production: ``gunicorn -c gunicorn.conf.py``.

Sized from the machine's CPU count (the ones this process may use), each overridable:

- ``WEB_CONCURRENCY`` workers, default ``2 × CPUs + 1`` (at most 12): processes, so a
  slow page or a crash holds one worker only;
- ``GUNICORN_THREADS`` threads per worker, default 4: requests mostly wait on
  PostgreSQL or Redis, so threads fill that time cheaply. The database pool of each
  worker (``DATABASE_POOL_MAX``) should be at least this many connections, and
  PostgreSQL's ``max_connections`` at least hosts × workers × threads;
- ``timeout`` 30 s (a request taking longer is killed), ``graceful_timeout`` 30 s,
  ``keepalive`` 5 s behind the proxy;
- ``max_requests`` 20000 with a jitter of 10 %, so workers are renewed (any slow leak
  cleared) one at a time, never all at once. A renewal is not free even forked (cold
  templates, kept fragments and page copies, new database connections, copy-on-write):
  at 2000, on a machine serving 2000 pages a second, workers were renewed every few
  seconds and that took a third of the CPU; at 20000 a worker lives about half a
  minute under the benchmark's full load on two CPUs, and days at a municipality's real traffic;
- ``preload_app`` (``GUNICORN_PRELOAD``, default on): the portal is imported once, in the
  master, and every worker is forked from it. A renewed worker then starts in a few
  milliseconds; without it each one imports Django and the portal again, about a
  CPU-second, which at 2000 requests per worker cost half a millisecond of every
  request. Forked workers also share the imported code's memory. New code needs a
  restart of the service (a HUP re-reads this file but keeps the preloaded code).
"""

import os


def _cpus():
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


CPUS = _cpus()

TRUE, FALSE = {"1", "true", "yes", "on", "ja"}, {"0", "false", "no", "off", "nej"}


def _whole(name, default, minimum=1):
    """A whole number from the environment (empty: ``default``); anything else stops
    gunicorn with a message naming the variable, not a traceback."""
    value = (os.environ.get(name) or "").strip()
    if not value:
        return default
    try:
        number = int(value)
    except ValueError:
        number = None
    if number is None or number < minimum:
        raise SystemExit(
            f"Miljøvariablen {name} skal være et heltal på mindst {minimum} eller tom "
            f"(standard {default}), ikke {value!r}."
        )
    return number


def _switch(name, default):
    value = (os.environ.get(name) or "").strip().lower()
    if not value:
        return default
    if value in TRUE | FALSE:
        return value in TRUE
    raise SystemExit(f"Miljøvariablen {name} skal være sand eller falsk (1/0), ikke {value!r}.")


# Loopback by default: the TLS proxy in front is trusted to set X-Forwarded-For and
# -Proto (TRUSTED_PROXY_COUNT), so nobody may reach gunicorn past it and forge them.
bind = os.environ.get("GUNICORN_BIND") or f"127.0.0.1:{os.environ.get('PORT') or '8000'}"
workers = _whole("WEB_CONCURRENCY", min(2 * CPUS + 1, 12))
threads = _whole("GUNICORN_THREADS", 4)
wsgi_app = "ballerup_portal.wsgi:application"
timeout = _whole("GUNICORN_TIMEOUT", 30, minimum=0)
graceful_timeout = 30
keepalive = 5
max_requests = _whole("GUNICORN_MAX_REQUESTS", 20000, minimum=0)
max_requests_jitter = max_requests // 10
preload_app = _switch("GUNICORN_PRELOAD", default=True)
# The access log goes to standard output (GUNICORN_ACCESSLOG=-, the default); set it empty
# to leave it off under load when the proxy logs requests, or to a file's path.
accesslog = os.environ.get("GUNICORN_ACCESSLOG", "-") or None
errorlog = "-"
# Only the proxies named here may set X-Forwarded-* headers.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
# ...and none may set SCRIPT_NAME or PATH_INFO (gunicorn's default trusts both from those
# proxies): the portal runs at the root, and a forged prefix would end up in links.
forwarder_headers = ""
