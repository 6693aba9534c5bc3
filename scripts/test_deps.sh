#!/usr/bin/env bash
# What `make test`'s browser and system tiers need beyond what `make run` needs: Debian's
# Chromium (the browser tests; Playwright never downloads a browser) and a Java runtime
# (the Nu Html Checker). Installed with apt-get as root or with sudo; otherwise one line
# names the packages. The system tier also needs PostgreSQL on 127.0.0.1:5432 (user
# postgres, trusted) and Redis on 127.0.0.1:6379; both are started when installed.
# Usage: scripts/test_deps.sh [browser|system]... (no argument: both tiers).
set -euo pipefail

tiers="${*:-browser system}"
missing=()
case " $tiers " in *" browser "*) [ -x /usr/bin/chromium ] || missing+=(chromium) ;; esac
case " $tiers " in *" system "*) command -v java >/dev/null || missing+=(default-jre-headless) ;; esac

if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then
    sudo=""
  elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
    sudo="sudo"
  else
    echo "make test mangler ${missing[*]}: installér med 'sudo apt-get install ${missing[*]}'" >&2
    exit 1
  fi
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -q
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

case " $tiers " in *" system "*) ;; *) exit 0 ;; esac

# The servers the system tier talks to: started when installed but not running.
if command -v pg_isready >/dev/null && ! pg_isready -h 127.0.0.1 -p 5432 -q; then
  if command -v pg_ctlcluster >/dev/null && [ -d /etc/postgresql ]; then
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n 1)" main start || true
    for _ in $(seq 1 30); do pg_isready -h 127.0.0.1 -p 5432 -q && break; sleep 1; done
  fi
fi
if command -v redis-cli >/dev/null && ! redis-cli -h 127.0.0.1 ping >/dev/null 2>&1; then
  command -v redis-server >/dev/null && redis-server --daemonize yes >/dev/null || true
fi
if ! command -v pg_isready >/dev/null || ! pg_isready -h 127.0.0.1 -p 5432 -q; then
  echo "make test-system mangler PostgreSQL på 127.0.0.1:5432 (apt-get install postgresql)" >&2
  exit 1
fi
