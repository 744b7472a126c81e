#!/usr/bin/env bash
# Tests/ReconLab/network.sh up|down -- the routed test network of the reconnaissance lab, built from Linux
# network namespaces. Every address lives INSIDE namespaces created here; the namespaces have no link to
# the root namespace and no default route, so no packet can leave them. As a second guard the root
# namespace gets `unreachable` routes for the lab prefixes while the lab is up.
#
# The hosts are those of the paper's section VII-C (Table I): a caller at the university "pole-nord"
# behind its SIP proxy, reaching the honeypot through the LORIA proxy. The addresses are the paper's,
# assigned inside the namespaces only.
#
#   LAN1 152.81.144.0/26  (br1)  hp        152.81.144.10   the honeypot host (investigator, DNS, WHOIS)
#                                loria     152.81.144.22   Kamailio proxy         -> 1 IP hop from hp
#                                r1        152.81.144.1    router 1
#   LAN2 130.200.10.16/28 (br2)  r1        130.200.10.17
#                                r2        130.200.10.18   router 2
#                                polenord  130.200.10.20   Kamailio proxy         -> 2 IP hops from hp
#   LAN3 130.200.10.0/28  (br3)  r2        130.200.10.1
#                                uni       130.200.10.11   the caller (baresip)   -> 3 IP hops from hp
#
# Namespaces: hpt-sw (the bridges), hpt-hp, hpt-loria, hpt-r1, hpt-r2, hpt-polenord, hpt-uni.
set -euo pipefail
P=hpt
HOSTS=(sw hp loria r1 r2 polenord uni)
GUARDS=(152.81.144.0/24 130.200.10.0/24)

down() {
    local pids
    for n in "${HOSTS[@]}"; do
        if ip netns list | grep -qx "$P-$n\( (id: [0-9]*)\)\?"; then
            pids=$(ip netns pids "$P-$n" 2> /dev/null || true)
            [[ -n "$pids" ]] && kill $pids 2> /dev/null || true
        fi
    done
    sleep 0.3
    for n in "${HOSTS[@]}"; do
        if ip netns list | grep -qx "$P-$n\( (id: [0-9]*)\)\?"; then
            pids=$(ip netns pids "$P-$n" 2> /dev/null || true)
            [[ -n "$pids" ]] && kill -9 $pids 2> /dev/null || true
            ip netns del "$P-$n"
        fi
    done
    for prefix in "${GUARDS[@]}"; do
        ip route del unreachable "$prefix" 2> /dev/null || true
    done
}

up() {
    down
    for prefix in "${GUARDS[@]}"; do
        ip route replace unreachable "$prefix"
    done
    for n in "${HOSTS[@]}"; do
        ip netns add "$P-$n"
        ip -n "$P-$n" link set lo up
        ip netns exec "$P-$n" sysctl -q -w net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1
        ip netns exec "$P-$n" sysctl -q -w net.ipv4.ip_forward=0
        # ICMP errors must not be rate-limited away during traceroutes.
        ip netns exec "$P-$n" sysctl -q -w net.ipv4.icmp_ratelimit=0
    done
    for br in br1 br2 br3; do
        ip -n "$P-sw" link add "$br" type bridge
        ip -n "$P-sw" link set "$br" up
    done
    attach() { # HOST IFNAME BRIDGE ADDR/PREFIX
        local peer="$1-$2"
        ip link add "$2" netns "$P-$1" type veth peer name "$peer" netns "$P-sw"
        ip -n "$P-sw" link set "$peer" master "$3" up
        ip -n "$P-$1" addr add "$4" dev "$2"
        ip -n "$P-$1" link set "$2" up
    }
    attach hp eth0 br1 152.81.144.10/26
    attach loria eth0 br1 152.81.144.22/26
    attach r1 eth0 br1 152.81.144.1/26
    attach r1 eth1 br2 130.200.10.17/28
    attach r2 eth0 br2 130.200.10.18/28
    attach polenord eth0 br2 130.200.10.20/28
    attach r2 eth1 br3 130.200.10.1/28
    attach uni eth0 br3 130.200.10.11/28
    ip netns exec "$P-r1" sysctl -q -w net.ipv4.ip_forward=1
    ip netns exec "$P-r2" sysctl -q -w net.ipv4.ip_forward=1
    ip -n "$P-hp" route add 130.200.10.0/24 via 152.81.144.1
    ip -n "$P-loria" route add 130.200.10.0/24 via 152.81.144.1
    ip -n "$P-r1" route add 130.200.10.0/28 via 130.200.10.18
    ip -n "$P-r2" route add 152.81.144.0/26 via 130.200.10.17
    ip -n "$P-polenord" route add 152.81.144.0/26 via 130.200.10.17
    ip -n "$P-polenord" route add 130.200.10.0/28 via 130.200.10.18
    ip -n "$P-uni" route add 152.81.144.0/26 via 130.200.10.1
    ip -n "$P-uni" route add 130.200.10.16/28 via 130.200.10.1
}

case "${1:-}" in
up) up ;;
down) down ;;
*)
    echo "usage: $0 up|down" >&2
    exit 2
    ;;
esac
