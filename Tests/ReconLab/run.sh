#!/usr/bin/env bash
# The reconnaissance lab (issue 5): Honeyphone's investigation against a small routed network of the test
# suite's own hosts in network namespaces (network.sh), with real services: unbound with test zones
# (A, PTR, SRV, NAPTR, ENUM), two WHOIS servers with a referral (recon-lab whois), a MaxMind-format
# database of the test ranges (recon-lab mmdb), two Kamailio proxies and a baresip phone. Then real
# sipvicious, sipsak, SIPp and nmap traffic to a running honeyphone, for the passive fingerprints.
#
#   Tests/ReconLab/run.sh BIN_FOLDER      (holds honeyphone, recon-probe and recon-lab; needs root)
#
# Every address is inside the namespaces; the root namespace gets `unreachable` routes for the lab
# prefixes while it runs. Every process is started here and stopped by PID (and the namespaces' own
# process lists at teardown); every tool runs under `timeout`.
# Prints PASS/FAIL per check and "reconlab: N passed, M failed"; exits non-zero on any failure.
set -uo pipefail

BIN="$(readlink -f "${1:?usage: run.sh BIN_FOLDER}")"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
HP="$BIN/honeyphone" PROBE="$BIN/recon-probe" LAB="$BIN/recon-lab"
WORK="$(mktemp -d /tmp/honeyphone-reconlab.XXXXXX)"
# shellcheck source=../Support/checks.sh
source "$HERE/../Support/checks.sh"
ns() { # ns HOST CMD...: run CMD on a lab host
    local host="$1"
    shift
    ip netns exec "hpt-$host" "$@"
}
start() { # start NAME HOST CMD...: in the background on HOST, output to WORK/NAME.log
    local name="$1" host="$2"
    shift 2
    ip netns exec "hpt-$host" "$@" > "$WORK/$name.log" 2>&1 &
    remember "$!" "$name"
}
cleanup() {
    stop_all
    bash "$HERE/network.sh" down
}
trap cleanup EXIT
listening() { # listening HOST udp|tcp ADDRESS:PORT
    ns "$1" ss -ln "--$2" | grep -q " $3 "
}
jq_is() { # jq_is FILE FILTER EXPECTED: the filter's raw output equals EXPECTED
    local got
    got="$(jq -r "$2" "$1" 2> /dev/null)"
    if [[ "$got" == "$3" ]]; then return 0; fi
    log "     expected '$3', got '$got' from $2"
    return 1
}

log "reconlab: work folder $WORK"
for tool in ip jq unbound kamailio baresip sipsak sipp svmap nmap; do
    command -v "$tool" > /dev/null || {
        log "FAIL $tool is not installed"
        exit 1
    }
done

# --- the network and its services -------------------------------------------------------------------
bash "$HERE/network.sh" up || exit 1
check "the root namespace cannot reach the lab (unreachable guard)" \
    bash -c '! ip route get 130.200.10.11 > /dev/null 2>&1'
"$LAB" mmdb "$HERE/geo/lab.tsv" "$WORK/lab.mmdb" || exit 1
sed -e "s|@RUN@|$WORK|g" -e "s|@LAB@|$HERE|g" "$HERE/dns/unbound.conf.in" > "$WORK/unbound.conf"
unbound-checkconf "$WORK/unbound.conf" > /dev/null || exit 1
start unbound hp unbound -d -c "$WORK/unbound.conf"
start whois-iana hp "$LAB" whois 127.0.0.1 43 "$HERE/whois/iana.txt" 600
start whois-ripe hp "$LAB" whois 127.0.0.2 43 "$HERE/whois/ripe.txt" 600
start rdap-bootstrap hp "$LAB" rdap 127.0.0.1 8080 "$HERE/whois/iana.txt" 600 http://127.0.0.2:8080
start rdap-ripe hp "$LAB" rdap 127.0.0.2 8080 "$HERE/whois/ripe.txt" 600
start_proxy() { # start_proxy NAME ADDRESS NEXT-HOP-TOWARDS-UNI NEXT-HOP-TOWARDS-HP ("" = the Request-URI)
    local name="$1"
    mkdir -p "$WORK/kamailio-$name"
    sed -e "s|@ADDR@|$2|g" -e "s|@TO_UNI@|$3|g" -e "s|@TO_HP@|$4|g" -e "s|@NAME@|$name|g" \
        "$HERE/kamailio/proxy.cfg.in" > "$WORK/kamailio-$name/proxy.cfg"
    ns "$name" kamailio -c -f "$WORK/kamailio-$name/proxy.cfg" > "$WORK/kamailio-$name-check.log" 2>&1 || {
        cat "$WORK/kamailio-$name-check.log"
        exit 1
    }
    start "kamailio-$name" "$name" kamailio -DD -E -f "$WORK/kamailio-$name/proxy.cfg" -Y "$WORK/kamailio-$name" \
        -m 32 -M 8
}
start_proxy loria 152.81.144.22 "sip:130.200.10.20:5060" ""
start_proxy polenord 130.200.10.20 "" "sip:152.81.144.22:5060"
mkdir -p "$WORK/baresip"
cp "$HERE/baresip/config.in" "$WORK/baresip/config"
cp "$HERE/baresip/accounts" "$WORK/baresip/accounts"
start baresip uni timeout 600 baresip -f "$WORK/baresip" -t 590
check "unbound answers on 127.0.0.1:53 in the honeypot's namespace" wait_for 15 listening hp udp 127.0.0.1:53
check "the two WHOIS servers and the two RDAP servers listen" wait_for 15 bash -c \
    "ip netns exec hpt-hp ss -lnt | grep -q ' 127.0.0.1:43 ' && ip netns exec hpt-hp ss -lnt | grep -q ' 127.0.0.2:43 ' \
    && ip netns exec hpt-hp ss -lnt | grep -q ' 127.0.0.1:8080 ' && ip netns exec hpt-hp ss -lnt | grep -q ' 127.0.0.2:8080 '"
check "kamailio listens at proxy.loria.fr" wait_for 15 listening loria udp 152.81.144.22:5060
check "kamailio listens at proxy.pole-nord.fr" wait_for 15 listening polenord udp 130.200.10.20:5060
check "baresip listens at uni.pole-nord.fr" wait_for 15 listening uni udp 130.200.10.11:5060

# --- hop counts: by IP TTL and by Max-Forwards, against the real topology ----------------------------
probe() { # probe NAME HOST PORT MODE [VIA]: recon-probe's JSON into WORK/probe-NAME.json (from the honeypot host)
    ns hp timeout 60 "$PROBE" "$2" "$3" "$4" ${5:-} > "$WORK/probe-$1.json" 2> "$WORK/probe-$1.err"
    log "     $(head -c 400 "$WORK/probe-$1.json")"
}
probe ttl-loria 152.81.144.22 5060 ttl
check "TTL traceroute: proxy.loria.fr is 1 IP hop away" jq_is "$WORK/probe-ttl-loria.json" .hopsByTTL.value.hops 1
probe ttl-polenord 130.200.10.20 5060 ttl
check "TTL traceroute: proxy.pole-nord.fr is 2 IP hops away, through r1" \
    jq_is "$WORK/probe-ttl-polenord.json" '[.hopsByTTL.value.hops, (.hopsByTTL.value.path | join(" "))] | join(" ")' \
    "2 152.81.144.1 130.200.10.20"
probe ttl-uni 130.200.10.11 5060 ttl
check "TTL traceroute: uni.pole-nord.fr is 3 IP hops away, through r1 and r2 (ICMP time-exceeded, no root)" \
    jq_is "$WORK/probe-ttl-uni.json" '[.hopsByTTL.value.hops, (.hopsByTTL.value.path | join(" "))] | join(" ")' \
    "3 152.81.144.1 130.200.10.18 130.200.10.11"
probe mf-uni-direct 130.200.10.11 5060 maxforwards
check "Max-Forwards traceroute straight to the phone: 0 SIP hops" \
    jq_is "$WORK/probe-mf-uni-direct.json" .hopsByMaxForwards.value.hops 0
probe mf-uni-via-loria 130.200.10.11 5060 maxforwards 152.81.144.22:5060
# baresip answers an OPTIONS without a user part with 404: any answer but 483 is the target's.
check "Max-Forwards traceroute to the phone through proxy.loria.fr: 2 SIP hops (483 from loria, then pole-nord)" \
    jq_is "$WORK/probe-mf-uni-via-loria.json" \
    '[.hopsByMaxForwards.value.hops, (.hopsByMaxForwards.value.path[0:2] | join(" | "))] | join(" | ")' \
    "2 | kamailio (loria) | kamailio (polenord)"
probe mf-polenord-via-loria 130.200.10.20 5060 maxforwards 152.81.144.22:5060
check "Max-Forwards traceroute to proxy.pole-nord.fr through proxy.loria.fr: 1 SIP hop" \
    jq_is "$WORK/probe-mf-polenord-via-loria.json" .hopsByMaxForwards.value.hops 1

# --- has port: open and closed ports -------------------------------------------------------------------
probe port-open 130.200.10.11 5060 port
check "port check: 130.200.10.11:5060 (baresip) is open" jq_is "$WORK/probe-port-open.json" .sipPort.value.state open
probe port-closed 130.200.10.11 5099 port
check "port check: 130.200.10.11:5099 is closed" jq_is "$WORK/probe-port-closed.json" .sipPort.value.state closed

# --- the paper's section VII-C message: its investigation gives the rows of Table I --------------------
sed -e "s|@WORK@|$WORK|g" "$HERE/investigation.conf.in" > "$WORK/investigation.conf"
ns hp timeout 120 "$HP" investigate --investigation "$WORK/investigation.conf" "$HERE/table1-invite.sip" \
    > "$WORK/table1.txt" 2> "$WORK/table1.err"
log "     Table I, as Honeyphone prints it:"
sed 's/^/     | /' "$WORK/table1.txt"
ns hp timeout 120 "$HP" investigate --investigation "$WORK/investigation.conf" --json "$HERE/table1-invite.sip" \
    > "$WORK/table1.json" 2> "$WORK/table1-json.err"
row() { # row FIELD: that field's value for each host of the JSON report, "-" where unknown, joined by commas
    jq -r "[.hosts[] | (.$1 | if type == \"object\" then (.value // \"-\") else . end) | tostring] | join(\",\")" \
        "$WORK/table1.json" 2> /dev/null
}
row_is() { # row_is FIELD EXPECTED
    local got
    got="$(row "$1")"
    [[ "$got" == "$2" ]] && return 0
    log "     expected '$2', got '$got'"
    return 1
}
check "Table I hosts: the From domain, the Contact, the Vias, the SDP address and the From location" \
    row_is host "152.81.144.22,uni.pole-nord.fr,130.200.10.11,pole-nord.fr,130.200.10.20"
check "Table I DNS: A of the Contact name, forward-confirmed PTR of each address (unbound)" \
    row_is reverseDNS "proxy.loria.fr,uni.pole-nord.fr,uni.pole-nord.fr,-,proxy.pole-nord.fr"
check "Table I DNS: the From domain is located by NAPTR -> SRV (RFC 3263) to proxy.pole-nord.fr (point E)" \
    jq_is "$WORK/table1.json" '.hosts[3].sipServices.value + " " + (.hosts[4].roles | join(","))' \
    "proxy.pole-nord.fr:5060 E,via"
check "Table I WHOIS: organisations, after the referral from the first server to ripe.whois.lab.test" \
    bash -c "[[ \"\$(jq -r '[.hosts[] | .whois.value + \"@\" + .whois.source] | join(\",\")' '$WORK/table1.json')\" == \
'LORIA-INRIA@whois@ripe.whois.lab.test:43,Universite Pole nord@whois@ripe.whois.lab.test:43,Universite Pole nord@whois@ripe.whois.lab.test:43,Universite Pole nord@whois@ripe.whois.lab.test:43,Universite Pole nord@whois@ripe.whois.lab.test:43' ]]"
check "Table I AS: from the lab .mmdb" row_is asNumber "1100,1200,1200,-,1200"
check "Table I G.L.: from the lab .mmdb" row_is geolocation "FR Nancy,FR Toulouse,FR Toulouse,-,FR Toulouse"
check "Table I ports: the claimed SIP ports are open (the From domain is not probed)" \
    bash -c "[[ \"\$(jq -r '[.hosts[] | (.sipPort.value // \"-\") | split(\" \")[0:2] | join(\" \")] | join(\",\")' '$WORK/table1.json')\" == 'open 5060,open 5060,open 5060,-,open 5060' ]]"
check "Table I SIP F.P. (active OPTIONS): Kamailio for the proxies, baresip for the phone" \
    bash -c "[[ \"\$(jq -r '[.hosts[] | (.activeFingerprint.value // \"-\") | split(\" \")[0]] | join(\",\")' '$WORK/table1.json')\" == 'kamailio,baresip-answer,baresip-answer,-,kamailio' ]]"
check "Table I hops by TTL equal the topology (1, 3, 3, -, 2)" row_is hopsByTTL "1,3,3,-,2"
check "Table I hops by Max-Forwards, through the signalling source, equal the SIP route (0, 2, 2, -, 1)" \
    row_is hopsByMaxForwards "0,2,2,-,1"
check "Table I history: the text run recorded each host once, the JSON run sees 1 sighting (persisted file)" \
    row_is history "0.1 (1),0.1 (1),0.1 (1),0.1 (1),0.1 (1)"
check "Table I as text has the paper's rows" bash -c "grep -q '^Frequency (Historical) ' '$WORK/table1.txt' && \
grep -q '^WHOIS  *LORIA-INRIA  *Universite Pole nord' '$WORK/table1.txt' && grep -q '^G.L.  *Nancy  *Toulouse' '$WORK/table1.txt'"

# --- ENUM: the global numbers of From and P-Asserted-Identity --------------------------------------------
ns hp timeout 120 "$HP" investigate --investigation "$WORK/investigation.conf" --json "$HERE/enum-invite.sip" \
    > "$WORK/enum.json" 2> "$WORK/enum.err"
check "ENUM (RFC 6116): +33561001234 in From gives sip:alice@pole-nord.fr" \
    jq_is "$WORK/enum.json" '.numbers[] | select(.number == "+33561001234") | .roles[0] + " " + .enum.value' \
    "from sip:alice@pole-nord.fr"
check "ENUM (RFC 6116): tel:+33-3-83-59-30-00 in P-Asserted-Identity gives sip:383593000@loria.fr (regexp)" \
    jq_is "$WORK/enum.json" '.numbers[] | select(.number == "+33383593000") | .roles[0] + " " + .enum.value' \
    "asserted-identity sip:383593000@loria.fr"

# --- RDAP instead of WHOIS: the bootstrap server redirects to the registry's server -----------------------
sed -e '/^whois-server:/d' "$WORK/investigation.conf" > "$WORK/rdap.conf"
echo "rdap-server: http://127.0.0.1:8080" >> "$WORK/rdap.conf"
ns hp timeout 120 "$HP" investigate --investigation "$WORK/rdap.conf" --json "$HERE/table1-invite.sip" \
    > "$WORK/rdap.json" 2> "$WORK/rdap.err"
check "RDAP (RFC 9083): the same organisations, answered by 127.0.0.2:8080 after the bootstrap's redirect" \
    bash -c "[[ \"\$(jq -r '[.hosts[] | .whois.value + \"@\" + .whois.source] | join(\",\")' '$WORK/rdap.json')\" == \
'LORIA-INRIA@rdap@127.0.0.2:8080,Universite Pole nord@rdap@127.0.0.2:8080,Universite Pole nord@rdap@127.0.0.2:8080,Universite Pole nord@rdap@127.0.0.2:8080,Universite Pole nord@rdap@127.0.0.2:8080' ]]"

# --- the AS number over DNS (a Team Cymru-style TXT zone) when no database is given --------------------
sed -e '/^geo-database:/d' -e '/^asn-database:/d' "$WORK/investigation.conf" > "$WORK/asn-dns.conf"
echo "asn-over-dns: yes" >> "$WORK/asn-dns.conf"
ns hp timeout 120 "$HP" investigate --investigation "$WORK/asn-dns.conf" --json "$HERE/table1-invite.sip" \
    > "$WORK/asn-dns.json" 2> "$WORK/asn-dns.err"
check "AS over DNS: origin.asn.cymru.com TXT gives 1100, 1200, 1200, -, 1200" \
    bash -c "[[ \"\$(jq -r '[.hosts[] | .asNumber.value // \"-\"] | join(\",\")' '$WORK/asn-dns.json')\" == '1100,1200,1200,-,1200' ]]"

# --- passive fingerprints of real tools: their requests as the running honeyphone stored them -------------
mkdir -p "$WORK/data"
start honeyphone hp "$HP" run --environment "$HERE/honeyphone.env" --data "$WORK/data" --log-level notice
check "honeyphone listens at 152.81.144.10:5060" wait_for 30 listening hp udp 152.81.144.10:5060
UNI=130.200.10.11 TARGET=152.81.144.10
ns uni timeout 60 svmap -b "$UNI" -x "$UNI" -p 5060 "$TARGET" > "$WORK/svmap.log" 2>&1
ns uni timeout 60 svwar -e100-103 -m REGISTER -b "$UNI" -x "$UNI" -p 5060 "$TARGET" > "$WORK/svwar.log" 2>&1
ns uni timeout 20 sipsak -s "sip:bob@$TARGET" -H "$UNI" -l 5095 > "$WORK/sipsak.log" 2>&1
ns uni timeout 60 sipp -sn uac -s bob "$TARGET:5060" -i "$UNI" -p 5080 -m 1 -timeout 40s -timeout_error -nostdin \
    > "$WORK/sipp.log" 2>&1
ns uni timeout 120 nmap -n -Pn -sU -p 5060 --script sip-methods "$TARGET" > "$WORK/nmap.log" 2>&1
sleep 1
stop honeyphone
ns hp timeout 120 "$HP" classify --json --traces "$WORK/data" > "$WORK/classify.jsonl" 2> "$WORK/classify.err"
jq -r 'select(.method != null) | .method + " " + (.investigation.fingerprint[0].identifier
    // ((.investigation.hosts[0].passiveFingerprint.value // "none") | split(" ")[0]))' "$WORK/classify.jsonl" \
    2> /dev/null | sort | uniq -c | sed 's/^/     /' | tee "$WORK/fingerprints.txt"
seen() { # seen METHOD IDENTIFIER: a stored request of METHOD was fingerprinted first as IDENTIFIER
    grep -qE "^ +[0-9]+ $1 $2\$" "$WORK/fingerprints.txt"
}
check "svmap's OPTIONS are fingerprinted as sipvicious-svmap" seen OPTIONS sipvicious-svmap
check "svwar's REGISTERs are fingerprinted as sipvicious-svwar" seen REGISTER sipvicious-svwar
check "sipsak's OPTIONS is fingerprinted as sipsak" seen OPTIONS sipsak
check "SIPp's built-in uac INVITE is fingerprinted as sipp" seen INVITE sipp
check "nmap's sip-methods OPTIONS is fingerprinted as nmap-sip-methods" seen OPTIONS nmap-sip-methods

summary reconlab
