# Tests/DataSet/lab.sh -- sourced by build.sh and run.sh: the reconnaissance lab's routed network
# (Tests/ReconLab/network.sh, called, not copied) and its services, plus the data set's own hosts.
#
# The data set needs more hosts than the paper's five: each scenario (a phone, a PBX, each attack tool) runs on
# its own address, so that the attack labeller's per-source windows see one behaviour per source and the labels
# can say `source:IP` (ground truth by construction). Each extra host is a namespace `hpd-NAME` with one veth on
# one of the lab's bridges (inside hpt-sw), so it sits 1 (LAN1), 2 (LAN2) or 3 (LAN3) IP hops from the honeypot:
#
#   LAN1 152.81.144.0/26  gateway r1 152.81.144.1    pool 152.81.144.23-40   (1 hop, beside proxy.loria.fr)
#   LAN2 130.200.10.16/28 gateway r1 130.200.10.17   pool 130.200.10.21-30   (2 hops, beside proxy.pole-nord.fr)
#   LAN3 130.200.10.0/28  gateway r2 130.200.10.1    pool 130.200.10.2-10    (3 hops, beside uni.pole-nord.fr)
#
# Every extra host gets a forward-confirmed PTR name (dns/hosts.conf is written at start), so a missing PTR is not
# a give-away of the attackers. Everything stays inside the namespaces; the root namespace keeps network.sh's
# `unreachable` guard routes. Processes are remembered by PID (lab_start) and stopped by PID (lab_down).

LAB_HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
RECON="$LAB_HERE/../ReconLab"
LAB_PIDS=()
LAB_HOSTS=()

lab_log() { printf '%s\n' "$*"; }

# lab_start NAME NAMESPACE CMD...: runs CMD in the background in NAMESPACE (full name), output in LAB_WORK/NAME.log.
lab_start() {
    local name="$1" netns="$2"
    shift 2
    ip netns exec "$netns" "$@" > "$LAB_WORK/$name.log" 2>&1 &
    LAB_PIDS+=("$!")
    echo "$!" > "$LAB_WORK/$name.pid"
}

# lab_stop NAME: SIGTERM, then SIGKILL after 5 s, by the remembered PID only.
lab_stop() {
    local pid
    pid="$(cat "$LAB_WORK/$1.pid" 2> /dev/null)" || return 0
    kill -TERM "$pid" 2> /dev/null || return 0
    for _ in $(seq 50); do
        kill -0 "$pid" 2> /dev/null || return 0
        sleep 0.1
    done
    kill -KILL "$pid" 2> /dev/null || true
}

lab_wait() { # lab_wait SECONDS CMD...
    local deadline=$((SECONDS + $1))
    shift
    until "$@"; do
        [ $SECONDS -ge $deadline ] && return 1
        sleep 0.2
    done
}

lab_listening() { # lab_listening NAMESPACE udp|tcp ADDRESS:PORT
    ip netns exec "$1" ss -ln "--$2" | grep -q " $3 "
}

# lab_host NAME LAN ADDRESS: a namespace hpd-NAME with ADDRESS on the bridge of LAN (1, 2 or 3).
lab_host() {
    local name="$1" lan="$2" address="$3" netns="hpd-$1" prefix gateway
    case "$lan" in
    1) prefix=26 gateway=152.81.144.1 ;;
    2) prefix=28 gateway=130.200.10.17 ;;
    3) prefix=28 gateway=130.200.10.1 ;;
    *) return 1 ;;
    esac
    ip netns add "$netns"
    LAB_HOSTS+=("$netns")
    ip -n "$netns" link set lo up
    ip netns exec "$netns" sysctl -q -w net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1
    ip link add eth0 netns "$netns" type veth peer name "d-$name" netns hpt-sw
    ip -n hpt-sw link set "d-$name" master "br$lan" up
    ip -n "$netns" addr add "$address/$prefix" dev eth0
    ip -n "$netns" link set eth0 up
    ip -n "$netns" route add default via "$gateway"
    # Forward-confirmed names for every extra host (the lab's zones name the paper's hosts only).
    case "$address" in
    130.200.*) echo "local-data: \"$name.pole-nord.fr. 3600 IN A $address\"" >> "$LAB_WORK/hosts.conf" ;;
    *) echo "local-data: \"$name.loria.fr. 3600 IN A $address\"" >> "$LAB_WORK/hosts.conf" ;;
    esac
    case "$address" in
    130.200.*) echo "local-data-ptr: \"$address $name.pole-nord.fr.\"" >> "$LAB_WORK/hosts.conf" ;;
    *) echo "local-data-ptr: \"$address $name.loria.fr.\"" >> "$LAB_WORK/hosts.conf" ;;
    esac
}

# lab_up WORK HOSTS_SPEC: the network, the extra hosts (lines "NAME LAN ADDRESS"), unbound, WHOIS, the mmdb and
# the two Kamailio proxies.
lab_up() {
    LAB_WORK="$1"
    local spec="$2"
    if ip netns list | grep -q '^hpt-'; then
        lab_log "lab: namespaces hpt-* exist already (another lab run?); refusing to take them over"
        return 1
    fi
    bash "$RECON/network.sh" up || return 1
    : > "$LAB_WORK/hosts.conf"
    local name lan address
    while read -r name lan address; do
        [[ -z "$name" ]] && continue
        lab_host "$name" "$lan" "$address" || return 1
    done <<< "$spec"
    "$LAB_BIN/recon-lab" mmdb "$RECON/geo/lab.tsv" "$LAB_WORK/lab.mmdb" || return 1
    sed -e "s|@RUN@|$LAB_WORK|g" -e "s|@LAB@|$RECON|g" "$RECON/dns/unbound.conf.in" > "$LAB_WORK/unbound.conf"
    # The extra hosts' names: one more include, beside the lab's zones.
    sed -i -e "s|^\(    include: .*\)$|\1\n    include: \"$LAB_WORK/hosts.conf\"|" "$LAB_WORK/unbound.conf"
    unbound-checkconf "$LAB_WORK/unbound.conf" > /dev/null || return 1
    lab_start unbound hpt-hp unbound -d -c "$LAB_WORK/unbound.conf"
    lab_start whois-iana hpt-hp "$LAB_BIN/recon-lab" whois 127.0.0.1 43 "$RECON/whois/iana.txt" 3000
    lab_start whois-ripe hpt-hp "$LAB_BIN/recon-lab" whois 127.0.0.2 43 "$RECON/whois/ripe.txt" 3000
    lab_proxy loria 152.81.144.22 "sip:130.200.10.20:5060" "" || return 1
    lab_proxy polenord 130.200.10.20 "" "sip:152.81.144.22:5060" || return 1
    lab_wait 15 lab_listening hpt-hp udp 127.0.0.1:53 || return 1
    lab_wait 15 lab_listening hpt-loria udp 152.81.144.22:5060 || return 1
    lab_wait 15 lab_listening hpt-polenord udp 130.200.10.20:5060 || return 1
}

lab_proxy() { # lab_proxy NAME ADDRESS NEXT-HOP-TOWARDS-UNI NEXT-HOP-TOWARDS-HP
    local name="$1"
    mkdir -p "$LAB_WORK/kamailio-$name"
    sed -e "s|@ADDR@|$2|g" -e "s|@TO_UNI@|$3|g" -e "s|@TO_HP@|$4|g" -e "s|@NAME@|$name|g" \
        "$RECON/kamailio/proxy.cfg.in" > "$LAB_WORK/kamailio-$name/proxy.cfg"
    ip netns exec "hpt-$name" kamailio -c -f "$LAB_WORK/kamailio-$name/proxy.cfg" > "$LAB_WORK/kamailio-$name-check.log" 2>&1 ||
        return 1
    lab_start "kamailio-$name" "hpt-$name" kamailio -DD -E -f "$LAB_WORK/kamailio-$name/proxy.cfg" \
        -Y "$LAB_WORK/kamailio-$name" -m 32 -M 8
}

# lab_down: every process started here by PID, then the extra namespaces (and what still runs in them), then the
# network.
lab_down() {
    local pid netns pids
    for pid in "${LAB_PIDS[@]}"; do kill -TERM "$pid" 2> /dev/null || true; done
    sleep 1
    for pid in "${LAB_PIDS[@]}"; do kill -KILL "$pid" 2> /dev/null || true; done
    for netns in "${LAB_HOSTS[@]}"; do
        pids="$(ip netns pids "$netns" 2> /dev/null || true)"
        [[ -n "$pids" ]] && kill -KILL $pids 2> /dev/null || true
        ip netns del "$netns" 2> /dev/null || true
    done
    bash "$RECON/network.sh" down
}
