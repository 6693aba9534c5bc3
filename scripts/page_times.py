#!/usr/bin/env python3
"""Where an uncached page's time goes: in one process, without a server or wrk.

``make bench`` measures throughput under load; this is the loop while making a page
faster. With production settings and the page cache off (``PAGE_CACHE_ENABLED=0``), it
requests every public page (tests/public_pages.py ``BENCH_PAGES``) through Django's test
client, and prints per page the milliseconds one request takes (wall clock, and the CPU
time of this process alone: steadier on a busy machine), its queries and its size.

    .venv/bin/python scripts/page_times.py --prepare 1         # build the database first
    .venv/bin/python scripts/page_times.py                      # every page
    .venv/bin/python scripts/page_times.py boernehus lukkedage  # some pages
    .venv/bin/python scripts/page_times.py --profile boernehus  # cProfile, by own time

The database is ``PAGE_TIMES_DB`` (default ``ballerup_page_times``) on the machine's
PostgreSQL; ``--prepare N`` (re)builds it as the bench does, with the seed, the demo data
and N times that. Times are CPU time of this process plus the database's answers: they
move with the machine's load, so compare them in one run, not across runs.
"""

import argparse
import cProfile
import os
import pstats
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

PG = os.environ.get("BENCH_PG", "postgres://postgres@127.0.0.1:5432")
DB_NAME = os.environ.get("PAGE_TIMES_DB", "ballerup_page_times")


def environment():
    os.environ.update(
        DJANGO_SETTINGS_MODULE="ballerup_portal.settings.prod",
        SECRET_KEY="page-times-" + "k" * 50,
        ALLOWED_HOSTS="testserver",
        DATABASE_URL=f"{PG}/{DB_NAME}",
        SECURE_SSL_REDIRECT="0",
        TRUSTED_PROXY_COUNT="0",
        SITE_URL="https://bench.invalid",
        DEFAULT_FROM_EMAIL="Benchmark <noreply@bench.invalid>",
        STATIC_ROOT=str(ROOT / "var" / "page_times" / "static"),
        LOG_LEVEL="WARNING",
        PAGE_CACHE_ENABLED="0",
    )
    os.environ.pop("REDIS_URL", None)


def prepare(factor):
    import bench

    bench.DB_NAME = DB_NAME
    bench.VAR = ROOT / "var" / "page_times"
    bench.VAR.mkdir(parents=True, exist_ok=True)
    bench.prepare_database(PG, factor, {"STATIC_ROOT": os.environ["STATIC_ROOT"]})


def pages(chosen):
    from bookings.models import Offer
    from tests.public_pages import BENCH_PAGES

    found = dict(BENCH_PAGES)
    offer = Offer.objects.order_by("pk").first()
    if offer:
        found["forestilling"] = offer.get_absolute_url()
    return [(name, path) for name, path in found.items() if not chosen or name in chosen]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("pages", nargs="*", help="names from BENCH_PAGES (default: all)")
    parser.add_argument("--prepare", type=int, metavar="N", help="rebuild the database, N× data")
    parser.add_argument("--profile", action="store_true", help="cProfile the chosen pages")
    parser.add_argument("--requests", type=int, default=30, help="requests per page")
    parser.add_argument("--sort", default="tottime", help="pstats sort key")
    parser.add_argument("--lines", type=int, default=40)
    args = parser.parse_args()
    environment()
    if args.prepare:
        prepare(args.prepare)

    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    chosen = pages(args.pages)
    for _name, path in chosen:
        for _ in range(3):
            client.get(path)
    if args.profile:
        profile = cProfile.Profile()
        profile.enable()
        for _name, path in chosen:
            for _ in range(args.requests):
                client.get(path)
        profile.disable()
        pstats.Stats(profile).sort_stats(args.sort).print_stats(args.lines)
        return 0
    total = total_cpu = 0.0
    for name, path in chosen:
        start, cpu = time.perf_counter(), time.process_time()
        for _ in range(args.requests):
            response = client.get(path)
        ms = (time.perf_counter() - start) / args.requests * 1000
        cpu_ms = (time.process_time() - cpu) / args.requests * 1000
        total += ms
        total_cpu += cpu_ms
        with CaptureQueriesContext(connection) as queries:
            client.get(path)
        print(
            f"{name:<24} {response.status_code} {ms:8.2f} ms {cpu_ms:8.2f} ms CPU "
            f"{len(queries):3d} queries "
            f"{len(response.content) / 1024:6.1f} KB"
        )
    print(f"{'i alt':<24}     {total:8.2f} ms {total_cpu:8.2f} ms CPU")
    return 0


if __name__ == "__main__":
    sys.exit(main())
