#!/bin/sh
# Docker engine and runner image for the Docker sandbox tests (judge-worker, issue 3).
#
# Installs docker.io and debootstrap, starts dockerd when no engine answers (no systemd on the
# CI machines: it runs in the background, log in /var/log/codearena-dockerd.log), then builds
# the runner image offline (runner-images/build.sh: debootstrap base, toolchains from Debian's
# mirror; skipped when the image of the same content hash exists).
#
# The Docker tests fail instead of skipping when the engine or image is missing and CI=true
# (or CODEARENA_REQUIRE_DOCKER=true) is set, so this script's failure cannot go unnoticed.
set -eu
repo=$(cd "$(dirname "$0")/../.." && pwd)
began=$(date +%s)

need=""
command -v dockerd >/dev/null 2>&1 || need="$need docker.io"
command -v debootstrap >/dev/null 2>&1 || need="$need debootstrap"
if [ -n "$need" ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # shellcheck disable=SC2086
  apt-get install -y -qq --no-install-recommends $need >/dev/null
fi

if ! docker info >/dev/null 2>&1; then
  echo "[20-docker] starting dockerd"
  setsid nohup dockerd >/var/log/codearena-dockerd.log 2>&1 </dev/null &
  waited=0
  until docker info >/dev/null 2>&1; do
    waited=$((waited + 1))
    if [ "$waited" -gt 60 ]; then
      echo "[20-docker] dockerd did not come up in 60 s:" >&2
      tail -20 /var/log/codearena-dockerd.log >&2
      exit 1
    fi
    sleep 1
  done
fi

"$repo/runner-images/build.sh"
echo "[20-docker] engine and runner image ready in $(( $(date +%s) - began )) s"
