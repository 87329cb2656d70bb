#!/usr/bin/env bash
# Opt-in check of Send and Wait for Response in a REAL n8n (not part of CI). Uses the n8n that
# `npm run dev` / `npm run test:e2e` install in their cache (installed here if missing), or N8N_BIN.
# Loads this package from `npm pack`, publishes two workflows (Webhook → IAGENTE SDR Send and Wait → HTTP Request to the mock: one Approval with
# Approve and Disapprove, one Free Text), starts n8n on free loopback ports, and lets
# send-and-wait.js send, open, tamper with and answer the links. Exits non-zero when a check fails.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
work="${E2E_WORK:-/tmp/n8n-e2e}/send-and-wait"
export PATH="$repo/node_modules/node/bin:$PATH"
n8n="${N8N_BIN:-$(node "$repo/dev/lib/n8n-install.js" --print-bin)}"
[ -x "$n8n" ] || { echo "No n8n at $n8n (set N8N_BIN to an n8n 2.x executable)." >&2; exit 1; }
read -r n8n_port broker_port mock_port < <(node -e '
const net = require("net"); const ports = [];
(function take() { const s = net.createServer().listen(0, "127.0.0.1", () => { ports.push(s.address().port); s.close(() => ports.length < 3 ? take() : console.log(ports.join(" "))); }); })();')

rm -rf "$work" && mkdir -p "$work/user/.n8n/nodes/node_modules/n8n-nodes-br-messaging"
(cd "$repo" && npm run build >/dev/null && npm pack --pack-destination "$work" >/dev/null)
tar xzf "$work"/n8n-nodes-br-messaging-*.tgz -C "$work/user/.n8n/nodes/node_modules/n8n-nodes-br-messaging" --strip-components=1
echo '{"name":"installed-nodes","private":true,"dependencies":{"n8n-nodes-br-messaging":"*"}}' > "$work/user/.n8n/nodes/package.json"

echo "[{\"id\":\"swCred1\",\"name\":\"IAGENTE sw\",\"type\":\"iagenteSdrApi\",\"data\":{\"apiKey\":\"sk_live_e2e_placeholder\",\"baseUrl\":\"http://127.0.0.1:$mock_port/api/v1\",\"authHeader\":\"bearer\"}}]" > "$work/cred.json"
workflow() { # id, webhook path, last 3 hex digits of the node ID, response type
	cat <<JSON
{"id":"$1","name":"send and wait $1","active":false,"nodes":[
 {"id":"w-$1","name":"Webhook","type":"n8n-nodes-base.webhook","typeVersion":2,"position":[0,0],"webhookId":"$2","parameters":{"httpMethod":"POST","path":"$2","options":{}}},
 {"id":"8b1c6f7e-2d4a-4c1b-9a33-0f2e5d6c7$3","name":"IAGENTE SDR","type":"n8n-nodes-br-messaging.iagenteSdr","typeVersion":1,"position":[200,0],"parameters":{"resource":"whatsAppMessage","operation":"sendAndWait","sendTo":"phone","phone":"11999999999","message":"={{ 'Aprova o desconto de ' + \$json.body.pct + '%?' }}","responseType":"$4","approvalOptions":{"values":{"approvalType":"double","approveLabel":"Aprovar","disapproveLabel":"<b>Recusar</b>"}}},"credentials":{"iagenteSdrApi":{"id":"swCred1","name":"IAGENTE sw"}}},
 {"id":"h-$1","name":"Result","type":"n8n-nodes-base.httpRequest","typeVersion":4.2,"position":[400,0],"parameters":{"method":"POST","url":"http://127.0.0.1:$mock_port/result/$1","sendBody":true,"specifyBody":"json","jsonBody":"={{ JSON.stringify(\$json) }}","options":{}}}
],"connections":{"Webhook":{"main":[[{"node":"IAGENTE SDR","type":"main","index":0}]]},"IAGENTE SDR":{"main":[[{"node":"Result","type":"main","index":0}]]}},"settings":{}}
JSON
}
workflow swApprove sw-approve a8b approval > "$work/wf-approve.json"
workflow swText sw-text c9d freeText > "$work/wf-text.json"

export N8N_USER_FOLDER="$work/user" N8N_PORT="$n8n_port" N8N_RUNNERS_BROKER_PORT="$broker_port"
export N8N_DIAGNOSTICS_ENABLED=false N8N_VERSION_NOTIFICATIONS_ENABLED=false N8N_WEBHOOK_URL="http://127.0.0.1:$n8n_port/"
"$n8n" import:credentials --input="$work/cred.json" >/dev/null
"$n8n" import:workflow --input="$work/wf-approve.json" >/dev/null
"$n8n" import:workflow --input="$work/wf-text.json" >/dev/null
"$n8n" publish:workflow --id=swApprove >/dev/null
"$n8n" publish:workflow --id=swText >/dev/null
"$n8n" start > "$work/n8n.log" 2>&1 & server=$!
trap 'kill $server 2>/dev/null || true' EXIT
# Ready when the published webhook answers GET with "not registered for GET" (it exists for POST).
for _ in $(seq 1 90); do curl -s --max-time 2 "http://127.0.0.1:$n8n_port/webhook/sw-approve" 2>/dev/null | grep -q 'Did you mean' && break; sleep 2; done
node "$here/send-and-wait.js" "$n8n_port" "$mock_port"
