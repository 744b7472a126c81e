#!/usr/bin/env bash
# Tests/DataSet/build.sh BIN_FOLDER OUT_FOLDER [SEED] [-- COMMAND...] -- one labelled data set from real tools.
#
# Brings up the reconnaissance lab's routed network (Tests/ReconLab/network.sh) with its services (unbound, WHOIS,
# the .mmdb, the two Kamailio proxies), adds one host per scenario (lab.sh), starts honeyphone on the honeypot host
# (honeyphone.env: no investigation while capturing) and tshark there, and runs the scenarios below with real
# tools. The result, in OUT_FOLDER:
#
#   capture.pcap         every UDP datagram that reached 152.81.144.10 (tshark, bounded in count and time)
#   labels               one `source:IP NATURE ATTACK-TYPES` line per sending host (the labels-file format of
#                        Sources/HoneyphoneApp/Learning/LabelsFile.swift): each host ran exactly one scenario, so
#                        its label is how its traffic was made (ground truth by construction), never an output of
#                        the engine
#   investigation.conf   the settings for learn/evaluate/classify (probing on, inside the lab prefixes only)
#   hosts.txt            the hosts, their LAN (= IP hops from the honeypot) and role;  tools/*.log  the tools' output
#
# Classes (each row is one or more hosts; the SEED picks addresses, counts, ports, callees, rates and Call-IDs):
#   Normal      baresip phones (uni.pole-nord.fr and two more) calling misrouted URIs through proxy.pole-nord.fr ->
#               proxy.loria.fr -> the honeypot, so the honeypot sees them from 152.81.144.22; two Kamailio servers
#               on the proxies' networks pinging the honeypot with OPTIONS (keepalive module)
#   Suspicious  svmap (scanning), svwar (extension-enumeration), svcrack (password-guessing), SIPp OPTIONS and
#               INVITE floods (flooding), SIPp calls with media to many callees and a baresip phone driven as a SPIT
#               bot (spit), SIPp calls to international/premium numbers (toll-fraud), nmap sip-methods (scanning)
#   Crafted     SIPp INVITEs whose Via/Contact/SDP c=/o=/From hosts are drawn from lab hosts at 1, 2 and 3 hops
#               and never the sender (none), the same with real phones' User-Agent strings (none), mutated
#               RFC 4475 messages (fuzz.py; malformed)
#
# With `-- COMMAND...`, COMMAND runs in the honeypot's namespace after the capture, while the lab is still up (the
# offline investigation of learn/evaluate needs the hosts, DNS and WHOIS), with DATASET=OUT_FOLDER exported.
# Needs root. Every address is inside the namespaces; every tool runs under `timeout` and every load is bounded
# (floods: at most 1,000 requests at 250/s); every process is stopped by its PID; the network is torn down at the
# end. About 75 s of traffic: the phones' and pingers' Normal traffic throughout, svmap, svwar, svcrack and the two
# floods one after the other, then the other scenarios together. The seed draws every choice in this shell (bash
# reseeds RANDOM in subshells); the tools' own randomness (Call-IDs, tags, branches, timing) differs on each run.
set -uo pipefail

BIN="$(readlink -f "${1:?usage: build.sh BIN_FOLDER OUT_FOLDER [SEED] [-- COMMAND...]}")"
OUT="${2:?usage: build.sh BIN_FOLDER OUT_FOLDER [SEED] [-- COMMAND...]}"
SEED="${3:-1}"
shift 2
[[ $# -gt 0 && "$1" != "--" ]] && shift
[[ $# -gt 0 && "$1" == "--" ]] && shift
COMMAND=("$@")
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# network.sh uses fixed namespace names (hpt-*), so a second lab run on the machine (Tests/ReconLab/run.sh, another
# CI) would tear this one down when it starts. Run in a private mount namespace with its own /run/netns: the names
# are then ours alone, and the namespaces vanish with this process whatever happens. (The root namespace's
# `unreachable` guard routes stay shared.)
if [[ -z "${DATASET_PRIVATE_NETNS:-}" ]]; then
    exec unshare --mount --propagation private env DATASET_PRIVATE_NETNS=1 bash -c \
        'mkdir -p /run/netns && mount -t tmpfs -o size=1m,mode=755 tmpfs /run/netns && exec bash "$0" "$@"' \
        "$HERE/build.sh" "$BIN" "$OUT" "$SEED" -- "${COMMAND[@]}"
fi
mkdir -p "$OUT/tools"
OUT="$(readlink -f "$OUT")"
LAB_BIN="$BIN"
# shellcheck source=lab.sh
source "$HERE/lab.sh"
WORK="$(mktemp -d /tmp/honeyphone-dataset.XXXXXX)"
HP=152.81.144.10
RANDOM=$SEED

for tool in ip tshark unbound kamailio baresip sipp svmap svwar svcrack nmap python3; do
    command -v "$tool" > /dev/null || {
        echo "build.sh: $tool is not installed" >&2
        exit 1
    }
done

# --- hosts: addresses drawn from the pools by the seed ---------------------------------------------------------
# RANDOM is seeded above; bash reseeds it in subshells, so every draw happens in this shell (no $(...)).
shuffle() { # shuffle WORDS...: the words in a seeded random order, in SHUFFLED
    local i j t
    SHUFFLED=("$@")
    for ((i = ${#SHUFFLED[@]} - 1; i > 0; i--)); do
        j=$((RANDOM % (i + 1)))
        t=${SHUFFLED[i]} SHUFFLED[i]=${SHUFFLED[j]} SHUFFLED[j]=$t
    done
}
shuffle $(seq -f '152.81.144.%g' 23 40)
POOL1=("${SHUFFLED[@]}")
shuffle $(seq -f '130.200.10.%g' 21 30)
POOL2=("${SHUFFLED[@]}")
shuffle $(seq -f '130.200.10.%g' 2 10)
POOL3=("${SHUFFLED[@]}")
declare -A ADDR LAN ROLE
N1=0 N2=0 N3=0
place() { # place NAME LAN ROLE
    local name="$1" lan="$2"
    case "$lan" in
    1) ADDR[$name]=${POOL1[N1]} N1=$((N1 + 1)) ;;
    2) ADDR[$name]=${POOL2[N2]} N2=$((N2 + 1)) ;;
    3) ADDR[$name]=${POOL3[N3]} N3=$((N3 + 1)) ;;
    esac
    LAN[$name]=$lan ROLE[$name]="$3"
}
place phonea 3 "Normal none"
place phoneb 2 "Normal none"
place ping1 2 "Normal none"
place ping2 1 "Normal none"
ATTACKERS=(svmap svwar svcrack oflood iflood spit spitbot toll1 toll2 nmap forge1 forge2 spoof fuzz1 fuzz2)
shuffle 1 1 1 1 1 2 2 2 2 2 3 3 3 3 3
LANS=("${SHUFFLED[@]}")
i=0
for name in "${ATTACKERS[@]}"; do
    case "$name" in
    svmap | nmap) role="Suspicious scanning" ;;
    svwar) role="Suspicious extension-enumeration" ;;
    svcrack) role="Suspicious password-guessing" ;;
    oflood | iflood) role="Suspicious flooding" ;;
    spit | spitbot) role="Suspicious spit" ;;
    toll*) role="Suspicious toll-fraud" ;;
    forge* | spoof) role="Crafted none" ;;
    fuzz*) role="Crafted malformed" ;;
    esac
    place "$name" "${LANS[i]}" "$role"
    i=$((i + 1))
done
SPEC=""
: > "$OUT/hosts.txt"
for name in phonea phoneb ping1 ping2 "${ATTACKERS[@]}"; do
    SPEC+="$name ${LAN[$name]} ${ADDR[$name]}"$'\n'
    printf '%-8s %-15s %s hop(s)  %s\n' "$name" "${ADDR[$name]}" "${LAN[$name]}" "${ROLE[$name]}" >> "$OUT/hosts.txt"
done
printf '%-8s %-15s %s hop(s)  %s\n' uni 130.200.10.11 3 "Normal none (calls through the proxies)" >> "$OUT/hosts.txt"
printf '%-8s %-15s %s hop(s)  %s\n' loria 152.81.144.22 1 "Normal none (forwards the phones' calls)" >> "$OUT/hosts.txt"

cleanup() {
    lab_down > /dev/null 2>&1
    rm -rf "$WORK"
}
trap cleanup EXIT
echo "dataset: seed $SEED, work folder $WORK, output $OUT"
lab_up "$WORK" "$SPEC" || {
    echo "dataset: the lab did not come up" >&2
    exit 1
}
tool() { # tool NAME HOST-NAMESPACE SECONDS CMD...: a bounded tool run, its output in OUT/tools/NAME.log
    local name="$1" netns="$2" seconds="$3"
    shift 3
    ip netns exec "$netns" timeout "$seconds" "$@" > "$OUT/tools/$name.log" 2>&1
    echo "dataset: $name done (exit $?)"
}

# --- the honeypot, the capture, the phones and the pingers ----------------------------------------------------
mkdir -p "$WORK/data"
lab_start honeyphone hpt-hp "$BIN/honeyphone" run --environment "$HERE/honeyphone.env" --data "$WORK/data" \
    --log-level notice
lab_wait 30 lab_listening hpt-hp udp "$HP:5060" || exit 1
lab_start tshark hpt-hp tshark -q -n -i eth0 -f "udp and dst host $HP" -w "$OUT/capture.pcap" \
    -a duration:400 -c 30000
lab_wait 15 test -s "$OUT/capture.pcap"
sleep 1

phone() { # phone NAME NAMESPACE ADDRESS [direct]: a baresip phone with proxy.pole-nord.fr as outbound proxy (or none)
    mkdir -p "$WORK/baresip-$1"
    sed -e "s|@ADDR@|$3|g" "$HERE/baresip/config.in" > "$WORK/baresip-$1/config"
    if [[ "${4:-}" == direct ]]; then
        echo "<sip:$1@pole-nord.fr>;regint=0" > "$WORK/baresip-$1/accounts"
    else
        echo "<sip:$1@pole-nord.fr>;outbound=\"sip:130.200.10.20;lr\";regint=0" > "$WORK/baresip-$1/accounts"
    fi
    lab_start "baresip-$1" "$2" timeout 900 baresip -f "$WORK/baresip-$1" -t 890
}
phone alice hpt-uni 130.200.10.11
phone phonea hpd-phonea "${ADDR[phonea]}"
phone phoneb hpd-phoneb "${ADDR[phoneb]}"
# A real softphone driven as a SPIT bot, straight to the honeypot: SPIT that no tool fingerprint gives away.
phone spitbot hpd-spitbot "${ADDR[spitbot]}" direct
pinger() { # pinger NAME: Kamailio's keepalive OPTIONS to the honeypot every second
    mkdir -p "$WORK/kamailio-$1"
    sed -e "s|@ADDR@|${ADDR[$1]}|g" -e "s|@TARGET@|$HP|g" -e "s|@NAME@|$1|g" "$HERE/kamailio/pinger.cfg.in" \
        > "$WORK/kamailio-$1/pinger.cfg"
    ip netns exec "hpd-$1" kamailio -c -f "$WORK/kamailio-$1/pinger.cfg" > "$OUT/tools/kamailio-$1-check.log" 2>&1 || {
        echo "dataset: the pinger's configuration is rejected (tools/kamailio-$1-check.log)" >&2
        exit 1
    }
    lab_start "kamailio-$1" "hpd-$1" timeout 900 kamailio -DD -E -f "$WORK/kamailio-$1/pinger.cfg" \
        -Y "$WORK/kamailio-$1" -m 16 -M 4
}
pinger ping1
pinger ping2
lab_wait 15 lab_listening hpt-uni udp 130.200.10.11:5060
lab_wait 15 lab_listening hpd-phonea udp "${ADDR[phonea]}:5060"
lab_wait 15 lab_listening hpd-phoneb udp "${ADDR[phoneb]}:5060"
lab_wait 15 lab_listening hpd-spitbot udp "${ADDR[spitbot]}:5060"

dial() { # dial NAMESPACE URI: one call through baresip's control socket (netstring JSON)
    local json="{\"command\":\"dial\",\"params\":\"$2\",\"token\":\"$RANDOM\"}"
    ip netns exec "$1" timeout 5 bash -c "exec 3<>/dev/tcp/127.0.0.1/4444 && printf '%d:%s,' ${#json} '$json' >&3 \
        && sleep 0.5" > /dev/null 2>&1
}
# Misdialled URIs: what a wrong dial plan sends to the honeypot. Few distinct callees (a misrouting, not a campaign).
MISDIALS=(carol 3605 dave 4410 erin)
shuffle "${MISDIALS[@]}"
MISDIALS=("${SHUFFLED[@]}")
CALLS=$((5 + RANDOM % 3))
calls() { # in the background: each phone places CALLS calls to 2 of the misdialled URIs, 6-9 s apart
    local k netns
    for ((k = 0; k < CALLS; k++)); do
        for netns in hpt-uni hpd-phonea hpd-phoneb; do
            dial "$netns" "sip:${MISDIALS[RANDOM % 2]}@$HP"
            sleep 1
        done
        sleep $((3 + RANDOM % 4))
    done
}
calls &
CALLS_PID=$!
LAB_PIDS+=("$CALLS_PID")

# --- Suspicious: correct hosts, attack behaviour -----------------------------------------------------------------
A() { echo "${ADDR[$1]}"; }
gap() { sleep $((1 + RANDOM % 2)); }
BACKGROUND=()
background() { # background NAME ARGS...: `tool NAME ARGS...` in the background (its PID in BACKGROUND)
    tool "$@" &
    BACKGROUND+=("$!")
}
PORTS=$((80 + RANDOM % 40))
tool svmap hpd-svmap 120 svmap -b "$(A svmap)" -x "$(A svmap)" -p "5060-$((5060 + PORTS - 1))" "$HP"
gap
FIRST=$((1000 + RANDOM % 500))
tool svwar hpd-svwar 180 svwar -m OPTIONS -e"$FIRST-$((FIRST + 150 + RANDOM % 50))" -b "$(A svwar)" \
    -x "$(A svwar)" -p 5060 "$HP"
gap
FIRST=$((1000 + RANDOM % 500))
tool svcrack hpd-svcrack 180 svcrack -u 100 -r "$FIRST-$((FIRST + 100 + RANDOM % 50))" -b "$(A svcrack)" \
    -x "$(A svcrack)" -p 5060 "$HP"
gap
tool oflood hpd-oflood 60 sipp -sf "$HERE/sipp/options_flood.xml" -s 100 "$HP:5060" -i "$(A oflood)" -p 5080 \
    -r $((200 + RANDOM % 50)) -m $((800 + RANDOM % 200)) -timeout 30s -nostdin -cid_str "of$SEED-%u-%p@%s"
gap
tool iflood hpd-iflood 90 sipp -sn uac -s bob "$HP:5060" -i "$(A iflood)" -p 5080 -r $((80 + RANDOM % 40)) \
    -m $((250 + RANDOM % 100)) -l 400 -d 200 -timeout 60s -nostdin -cid_str "if$SEED-%u-%p@%s"
gap
# The remaining scenarios run together: each has its own host, so the per-source windows stay apart, and their
# total rate (under 100 requests/s) is far from a distributed flood.
FIRST=$((2000 + RANDOM % 7000))
echo SEQUENTIAL > "$WORK/spit.csv"
seq "$FIRST" "$((FIRST + 79))" | shuf --random-source=<(yes "$SEED") >> "$WORK/spit.csv"
background spit hpd-spit 90 sipp -sf "$HERE/sipp/call.xml" -inf "$WORK/spit.csv" -s x "$HP:5060" -i "$(A spit)" \
    -p 5080 -r 6 -m $((60 + RANDOM % 20)) -l 20 -timeout 60s -nostdin -cid_str "sp$SEED-%u-%p@%s"
TOLL=("+4420$((RANDOM % 9000 + 1000))$((RANDOM % 9000 + 1000))" "00881$((RANDOM % 90000 + 10000))$((RANDOM % 9000))"
    "011$((RANDOM % 900 + 100))55$((RANDOM % 90000 + 10000))" "1900$((RANDOM % 9000 + 1000))$((RANDOM % 900 + 100))"
    "0900$((RANDOM % 9000 + 1000))$((RANDOM % 900 + 100))" "+882$((RANDOM % 90000 + 10000))$((RANDOM % 9000))"
    "00$((RANDOM % 90 + 10))$((RANDOM % 90000000 + 10000000))" "+$((RANDOM % 90 + 10))$((RANDOM % 9000 + 1000))$((RANDOM % 90000 + 10000))")
shuffle "${TOLL[@]}"
TOLL=("${SHUFFLED[@]}")
printf 'SEQUENTIAL\n%s\n%s\n%s\n%s\n' "${TOLL[@]:0:4}" > "$WORK/toll1.csv"
printf 'SEQUENTIAL\n%s\n%s\n%s\n%s\n' "${TOLL[@]:4:4}" > "$WORK/toll2.csv"
for name in toll1 toll2; do
    background "$name" "hpd-$name" 60 sipp -sf "$HERE/sipp/call.xml" -inf "$WORK/$name.csv" -s x "$HP:5060" \
        -i "$(A "$name")" -p 5080 -r 1 -m 4 -timeout 40s -nostdin -cid_str "$name-$SEED-%u-%p@%s"
done
background nmap hpd-nmap 120 nmap -n -Pn -sU -p 5060 --script sip-methods "$HP"

# --- Crafted: hosts that are not as claimed, spoofed agents, malformed messages ----------------------------------
# Claimable hosts at 1, 2 and 3 IP hops (the proxies, the routers' lab-side addresses, the phones, the pingers).
CLAIM1=(152.81.144.22 152.81.144.1 "$(A ping2)")
CLAIM2=(130.200.10.20 130.200.10.18 "$(A phoneb)" "$(A ping1)")
CLAIM3=(130.200.10.11 "$(A phonea)")
claim() { # claim HOPS: a host at HOPS hops, in CLAIMED
    case "$1" in
    1) CLAIMED=${CLAIM1[RANDOM % ${#CLAIM1[@]}]} ;;
    2) CLAIMED=${CLAIM2[RANDOM % ${#CLAIM2[@]}]} ;;
    *) CLAIMED=${CLAIM3[RANDOM % ${#CLAIM3[@]}]} ;;
    esac
}
AGENTS=("User-Agent: Linphone-Desktop/5.2.0 (Ubuntu 22.04) LinphoneSDK/5.2.0" "User-Agent: Yealink SIP-T46S 66.86.0.15"
    "User-Agent: Grandstream HT502 V1.2A 1.0.8.6" "User-Agent: MicroSIP/3.21.3" "User-Agent: Zoiper rv2.10.19.4")
forged_csv() { # forged_csv COUNT SPOOF: the injection file of forged INVITEs
    local k a b c d hops callee
    echo SEQUENTIAL
    for ((k = 0; k < $1; k++)); do
        # Points A-D drawn over at least two hop counts: the claimed hosts are spread, the sender is none of them.
        hops=$((1 + RANDOM % 3))
        claim "$hops"
        a=$CLAIMED
        claim $((1 + (hops + RANDOM % 2) % 3))
        b=$CLAIMED
        claim $((1 + RANDOM % 3))
        c=$CLAIMED
        claim $((1 + RANDOM % 3))
        d=$CLAIMED
        callees=(bob 100)
        callee=${callees[RANDOM % 2]}
        domains=(pole-nord.fr loria.fr)
        domain=${domains[RANDOM % 2]}
        if [[ "$2" == yes ]]; then
            echo "$a;$b;$c;$d;$domain;${AGENTS[RANDOM % ${#AGENTS[@]}]};$callee"
        else
            echo "$a;$b;$c;$d;$domain;Allow: INVITE, ACK, CANCEL, BYE, OPTIONS;$callee"
        fi
    done
}
for name in forge1 forge2 spoof; do
    count=$((15 + RANDOM % 10))
    spoofed=no
    [[ $name == spoof ]] && spoofed=yes
    forged_csv "$count" "$spoofed" > "$WORK/$name.csv"
    background "$name" "hpd-$name" 60 sipp -sf "$HERE/sipp/forged.xml" -inf "$WORK/$name.csv" -s x "$HP:5060" \
        -i "$(A "$name")" -p 5080 -r 3 -m "$count" -timeout 30s -nostdin -cid_str "$name$SEED-%u-%p@%s"
done
CORPUS=("$HERE"/../SIPCoreTests/Messages/rfc4475/valid/*.sip "$HERE"/../SIPCoreTests/Messages/rfc4475/invalid/*.sip)
spitbot() { # one call every 3 s to a new callee (the honeypot hangs up after 2.5 s)
    local k first=$((3000 + RANDOM % 5000))
    for ((k = 0; k < 14; k++)); do
        dial hpd-spitbot "sip:$((first + k * 7))@$HP"
        sleep 3
    done
}
spitbot > "$OUT/tools/spitbot.log" 2>&1 &
BACKGROUND+=("$!")
background fuzz1 hpd-fuzz1 60 python3 "$HERE/fuzz.py" "$SEED" $((40 + RANDOM % 20)) "$(A fuzz1)" "$HP" "${CORPUS[@]}"
background fuzz2 hpd-fuzz2 60 python3 "$HERE/fuzz.py" "$((SEED + 1000))" $((40 + RANDOM % 20)) "$(A fuzz2)" "$HP" \
    "${CORPUS[@]}"

# --- the end of the capture -------------------------------------------------------------------------------------
wait "${BACKGROUND[@]}"
wait "$CALLS_PID" 2> /dev/null
sleep 3
lab_stop kamailio-ping1
lab_stop kamailio-ping2
sleep 1
lab_stop tshark
lab_stop honeyphone

{
    echo "# Tests/DataSet/build.sh seed $SEED: one line per sending host; how its traffic was made is its label."
    echo "# SELECTOR NATURE ATTACK-TYPES"
    echo "source:152.81.144.22 Normal none   # proxy.loria.fr forwarding the phones' misrouted calls"
    for name in ping1 ping2 "${ATTACKERS[@]}"; do
        echo "source:${ADDR[$name]} ${ROLE[$name]}   # $name"
    done
} > "$OUT/labels"
sed -e "s|@WORK@|$WORK|g" "$RECON/investigation.conf.in" | sed -e "s|^history-file: .*|history-file: $OUT/history.tsv|" \
    > "$OUT/investigation.conf"
rm -f "$OUT/history.tsv"
echo "dataset: $(tshark -n -r "$OUT/capture.pcap" 2> /dev/null | wc -l) datagrams in $OUT/capture.pcap"

# The namespaces must still be there (see the private /run/netns above); say so instead of analysing a broken capture.
if ! ip netns list | grep -q '^hpt-hp\b' || ! ip netns list | grep -q '^hpd-svmap\b'; then
    echo "dataset: the lab's namespaces disappeared during the run (another lab run on this machine?)" >&2
    exit 1
fi
if [[ ${#COMMAND[@]} -gt 0 ]]; then
    echo "dataset: running ${COMMAND[*]}"
    DATASET="$OUT" ip netns exec hpt-hp env DATASET="$OUT" "${COMMAND[@]}"
    status=$?
    echo "dataset: command exit $status"
    exit $status
fi
