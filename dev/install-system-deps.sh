#!/usr/bin/env bash
# What the end-to-end suite needs from Debian, installed only when missing: Chromium (the editor check),
# redis-server and postgresql (queue mode). n8n itself is installed by the suite into its cache.
set -euo pipefail
missing=()
command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || missing+=(chromium)
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
compgen -G '/usr/lib/postgresql/*/bin/postgres' >/dev/null || missing+=(postgresql)
if [ ${#missing[@]} -eq 0 ]; then
	echo "system packages present: chromium, redis-server, postgresql"
	exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
	echo "missing: ${missing[*]} (the end-to-end suite needs them); no apt-get here: install them with your system's package manager" >&2
	exit 1
fi
echo "installing from Debian: ${missing[*]}"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq "${missing[@]}" >/dev/null
echo "installed: ${missing[*]}"
