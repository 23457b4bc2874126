#!/usr/bin/env bash
# A fake BlueZ to run `isoband scan` and `isoband record --source ble` by hand, without Bluetooth hardware:
# a private dbus-daemon, python-dbusmock's bluez5 template as org.bluez, adapter hci0, and one isoband band
# (isoband-1A2B, AA:BB:CC:00:00:01) with its GATT service, built with the mock's own D-Bus methods.
# Needs the Debian packages dbus, python3-dbusmock and libglib2.0-bin (gdbus). See docs/ble.md.
#
#   tools/fake-bluez.sh start DIR     start it; prints the export line for DBUS_SYSTEM_BUS_ADDRESS
#   tools/fake-bluez.sh advertise DIR the band advertises once (scan and record wait for an advertisement)
#   tools/fake-bluez.sh stream DIR N  N notifications of 4 samples at 80 Hz, one every 50 ms
#   tools/fake-bluez.sh stop DIR      stop the mock and the bus
set -euo pipefail

cmd=${1:-}; dir=${2:-}
[ -n "$cmd" ] && [ -n "$dir" ] || { sed -n '2,11p' "$0"; exit 2; }
PY=/usr/bin/python3
DEV=/org/bluez/hci0/dev_AA_BB_CC_00_00_01
SVC=4e490001-ce49-46b1-af24-819553dcb9fe

bus() { gdbus call --system -d org.bluez "$@" >/dev/null; }

case "$cmd" in
start)
    mkdir -p "$dir"
    cat > "$dir/bus.conf" <<CONF
<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:path=$(cd "$dir" && pwd)/bus</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow user="*"/><allow own="*"/>
    <allow send_type="method_call"/><allow send_type="signal"/>
    <allow send_type="method_return"/><allow send_type="error"/>
    <allow receive_type="method_call"/><allow receive_type="signal"/>
    <allow receive_type="method_return"/><allow receive_type="error"/>
  </policy>
</busconfig>
CONF
    dbus-daemon --config-file="$dir/bus.conf" --print-address --nofork \
        >"$dir/address" 2>"$dir/daemon.log" &
    for _ in $(seq 50); do [ -s "$dir/address" ] && break; sleep 0.1; done
    export DBUS_SYSTEM_BUS_ADDRESS=$(head -1 "$dir/address")
    echo $! > "$dir/daemon.pid"
    $PY -m dbusmock --template bluez5 >"$dir/dbusmock.log" 2>&1 &
    echo $! > "$dir/dbusmock.pid"
    for _ in $(seq 100); do gdbus introspect --system -d org.bluez -o / >/dev/null 2>&1 && break; sleep 0.1; done
    bus -o / -m org.bluez.Mock.AddAdapter hci0 isoband-fake
    bus -o / -m org.bluez.Mock.AddDevice hci0 AA:BB:CC:00:00:01 isoband-1A2B
    bus -o $DEV -m org.freedesktop.DBus.Mock.UpdateProperties org.bluez.Device1 "{'UUIDs': <['$SVC']>}"
    # Connect as bluetoothd answers it: Connected, then ServicesResolved.
    bus -o $DEV -m org.freedesktop.DBus.Mock.AddMethod org.bluez.Device1 Connect '' '' \
        "self.UpdateProperties('org.bluez.Device1', {'Connected': dbus.Boolean(True, variant_level=1)}); self.UpdateProperties('org.bluez.Device1', {'ServicesResolved': dbus.Boolean(True, variant_level=1)})"
    bus -o $DEV -m org.freedesktop.DBus.Mock.AddMethod org.bluez.Device1 Disconnect '' '' \
        "self.UpdateProperties('org.bluez.Device1', {'Connected': dbus.Boolean(False, variant_level=1), 'ServicesResolved': dbus.Boolean(False, variant_level=1)})"
    bus -o / -m org.freedesktop.DBus.Mock.AddObject $DEV/service000a org.bluez.GattService1 \
        "{'UUID': <'$SVC'>, 'Primary': <true>, 'Device': <objectpath '$DEV'>}" "@a(ssss) []"
    for c in 000b:4e490002-ce49-46b1-af24-819553dcb9fe 000e:4e490003-ce49-46b1-af24-819553dcb9fe; do
        bus -o / -m org.freedesktop.DBus.Mock.AddObject "$DEV/service000a/char${c%%:*}" org.bluez.GattCharacteristic1 \
            "{'UUID': <'${c#*:}'>, 'Service': <objectpath '$DEV/service000a'>, 'Value': <@ay []>, 'Notifying': <false>}" \
            "[('StartNotify', '', '', ''), ('StopNotify', '', '', ''), ('WriteValue', 'aya{sv}', '', '')]"
    done
    echo "export DBUS_SYSTEM_BUS_ADDRESS='$DBUS_SYSTEM_BUS_ADDRESS'"
    ;;
advertise)
    export DBUS_SYSTEM_BUS_ADDRESS=$(head -1 "$dir/address")
    bus -o $DEV -m org.freedesktop.DBus.Mock.UpdateProperties org.bluez.Device1 "{'RSSI': <int16 -$((50 + RANDOM % 20))>}"
    ;;
stream)
    export DBUS_SYSTEM_BUS_ADDRESS=$(head -1 "$dir/address")
    n=${3:-100}
    for ((seq = 0; seq < n; seq++)); do
        # Version 1, STREAM_START on the first, uint16 sequence, 4 samples of int32 mN + uint32 us.
        value=$($PY -c "import struct,sys; s=$seq; f=bytes([1, 1 if s==0 else 0]) + struct.pack('<HB', s & 0xffff, 4) + b''.join(struct.pack('<iI', 100000 + 20000*((s//20)%2), 1000000 + 12500*(4*s+k)) for k in range(4)); print('[' + ','.join('byte 0x%02x' % b for b in f) + ']')")
        bus -o $DEV/service000a/char000b -m org.freedesktop.DBus.Mock.UpdateProperties \
            org.bluez.GattCharacteristic1 "{'Value': <$value>}"
        sleep 0.05
    done
    ;;
stop)
    for p in dbusmock daemon; do [ -f "$dir/$p.pid" ] && kill "$(cat "$dir/$p.pid")" 2>/dev/null || true; done
    ;;
*)
    sed -n '2,11p' "$0"; exit 2
    ;;
esac
