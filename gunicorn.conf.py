"""gunicorn settings for production: ``gunicorn -c gunicorn.conf.py``."""

import os

# Loopback by default: the TLS proxy in front is trusted to set X-Forwarded-For and
# -Proto (TRUSTED_PROXY_COUNT), so nobody may reach gunicorn past it and forge them.
bind = os.environ.get("GUNICORN_BIND", f"127.0.0.1:{os.environ.get('PORT', '8000')}")
workers = int(os.environ.get("WEB_CONCURRENCY", "3"))
threads = int(os.environ.get("GUNICORN_THREADS", "2"))
wsgi_app = "ballerup_portal.wsgi:application"
timeout = 30
graceful_timeout = 30
max_requests = 2000
max_requests_jitter = 200
accesslog = "-"
errorlog = "-"
# Only the proxies named here may set X-Forwarded-* headers.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
