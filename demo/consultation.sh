#!/usr/bin/env bash
# Demo of the consultation flow: one topic 征→审→议→办→评 with the 33 representatives of 地铁首座小区 voting at
# once, against a running app whose windows are shortened, e.g.
#   java -jar app/target/linli-app.jar --server.port=18094 \
#     --linli.embedded-postgres.data-directory=/tmp/linli-demo \
#     --linli.sla.consultation.collection=PT20S --linli.sla.consultation.vote-window=PT30S \
#     --linli.sla.consultation.evaluation=PT20S --linli.intake.anonymous-limit=1000
# (the default profile signs nobody in, so the 40-odd votes and ratings below, all from this one
# address, would pass the anonymous write limit of 30 per 10 minutes)
# then: B=http://localhost:18094 demo/consultation.sh
# The party branch and the property company act through /engine-rest as Tasklist does (the same
# tasks appear in Tasklist for party1 / property1, and each representative's vote for rep01..rep33,
# password demo). Needs curl and jq.
set -euo pipefail
B=${B:-http://localhost:18094}
j() { curl -s -H 'Content-Type: application/json' "$@"; }
task() { # businessKey taskKey [assignee]
  local q="processInstanceBusinessKey=$1&taskDefinitionKey=$2"; [ -n "${3:-}" ] && q="$q&assignee=$3"
  j "$B/engine-rest/task?$q" | jq -r '.[0].id'; }
submit() { # taskId user json-variables
  j -X POST "$B/engine-rest/task/$1/claim" -d "{\"userId\":\"$2\"}" >/dev/null
  j -X POST "$B/engine-rest/task/$1/submit-form" -d "{\"variables\":$3}" -w '%{http_code}\n' -o /dev/null; }
wait_for() { for i in $(seq 1 60); do t=$(task "$1" "$2"); [ "$t" != null ] && { echo "$t"; return; }; sleep 1; done; echo "timeout waiting for $2" >&2; exit 1; }

NO=$(j -X POST "$B/api/consultations" -H 'X-Linli-User: resident1' -d '{"communityCode":"tfsq","estateCode":"dtsz","category":"PUBLIC_FACILITY","title":"小区大门增设人脸识别","description":"外来人员随意出入，曾发生盗窃","proposerRole":"RESIDENT"}' | jq -r .topicNo)
echo "征: $NO"; j -X POST "$B/api/consultations/$NO/supporters" -H 'X-Linli-User: resident2' | jq -c .
T=$(wait_for "$NO" Task_Review); echo "审: task $T form $(j "$B/engine-rest/task/$T/deployed-form" | jq -r .id)"
submit "$T" party1 '{"reviewDecision":{"value":"ACCEPT"},"reviewReason":{"value":"同意受理"}}'
T=$(wait_for "$NO" Task_ScheduleMeeting)
AT=$(date -u -d '+5 seconds' +%Y-%m-%dT%H:%M:%SZ)
echo "议: meeting at $AT"; submit "$T" party1 "{\"meetingAt\":{\"value\":\"$AT\"},\"meetingPlace\":{\"value\":\"党群服务站\"},\"propertyAttends\":{\"value\":true,\"type\":\"Boolean\"}}"
j "$B/api/consultations/vote-tasks" -H 'X-Linli-User: rep01' | jq -c '.[0]'
for n in $(seq 1 33); do u=$(printf rep%02d $n); v=AGREE; [ $n -gt 24 ] && v=DISAGREE; [ $n -gt 30 ] && v=ABSTAIN
  j -X POST "$B/api/consultations/$NO/votes" -H "X-Linli-User: $u" -d "{\"vote\":\"$v\"}" -o /dev/null -w "%{http_code} " & done; wait; echo
echo "second vote of rep01: $(j -X POST "$B/api/consultations/$NO/votes" -H 'X-Linli-User: rep01' -d '{"vote":"DISAGREE"}' | jq -r .title)"
T=$(wait_for "$NO" Task_PlanExecution); echo "办: listing"
submit "$T" party1 '{"responsibleBody":{"value":"PROPERTY_COMPANY"},"responsibleName":{"value":"蜀信物业"},"executionPlan":{"value":"物业牵头安装"}}'
T=$(wait_for "$NO" Task_Execute); submit "$T" property1 '{"executionResult":{"value":"人脸识别系统已安装"}}'
sleep 2
for n in 1 2 3; do j -X POST "$B/api/consultations/$NO/ratings" -H "X-Linli-User: resident$n" -d '{"rating":"SATISFIED"}' -o /dev/null -w "%{http_code} "; done; echo
for i in $(seq 1 60); do s=$(j "$B/api/consultations/$NO" | jq -r .topic.state); [ "$s" = CLOSED ] && break; sleep 1; done
echo "评:清单 entry"; j "$B/api/consultations?estate=dtsz&state=CLOSED" | jq -c ".[] | select(.topicNo==\"$NO\") | {topicNo,state,stateLabel,vote,execution:{responsibleBodyLabel:.execution.responsibleBodyLabel,deadline:.execution.deadline},rating}"
j "$B/api/consultations/$NO" | jq -r '.history[] | "\(.label)\t\(.actorRole // "")\t\(.note // "")"'
