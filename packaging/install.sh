#!/usr/bin/env bash
# Installs the isoband gateway from this unpacked tarball on Raspberry Pi OS (Debian): Java, BlueZ, a
# system user, /opt/isoband, /etc/isoband/isoband.yaml (kept if present), the systemd unit.
# Run as root:  sudo ./install.sh        (again to upgrade; the configuration is kept)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
if [[ $EUID -ne 0 ]]; then
  echo "install.sh: run as root: sudo $0" >&2
  exit 1
fi
step() { echo "install.sh: $*"; }

step "packages (Java 17, BlueZ)"
missing=()
command -v java >/dev/null 2>&1 || missing+=(openjdk-17-jre-headless)
command -v bluetoothctl >/dev/null 2>&1 || missing+=(bluez)
if ((${#missing[@]})); then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
fi

step "user isoband (groups: bluetooth gpio i2c video, where they exist)"
id isoband >/dev/null 2>&1 || useradd --system --home-dir /var/lib/isoband --shell /usr/sbin/nologin isoband
for g in bluetooth gpio i2c video; do
  getent group "$g" >/dev/null && usermod -aG "$g" isoband
done

step "files in /opt/isoband"
install -d /opt/isoband/bin /opt/isoband/lib /etc/isoband
install -m 0644 "$here/lib/isoband.jar" /opt/isoband/lib/isoband.jar
install -m 0755 "$here/bin/isoband" /opt/isoband/bin/isoband
ln -sf /opt/isoband/bin/isoband /usr/local/bin/isoband
if [[ ! -f /etc/isoband/isoband.yaml ]]; then
  install -m 0640 -g isoband "$here/isoband.example.yaml" /etc/isoband/isoband.yaml
  step "wrote /etc/isoband/isoband.yaml: edit it, then: isoband config check /etc/isoband/isoband.yaml"
else
  step "kept /etc/isoband/isoband.yaml"
fi

step "class-data archive for a faster start (a short simulated run)"
rm -f /opt/isoband/lib/isoband.jsa
# The archive is only used with the JVM options it was made with: the unit's.
java -Xms32m -Xmx64m -XX:+UseSerialGC -XX:MaxMetaspaceSize=64m -Xss512k -XX:TieredStopAtLevel=1 \
  -XX:ArchiveClassesAtExit=/opt/isoband/lib/isoband.jsa -jar /opt/isoband/lib/isoband.jar \
  demo --headless --speed 50 --duration 10s >/dev/null 2>&1 || step "(no archive: the gateway starts a little slower)"

step "systemd unit"
install -m 0644 "$here/systemd/isoband.service" /etc/systemd/system/isoband.service
systemctl daemon-reload
systemctl enable isoband.service >/dev/null
step "done. Check the machine with 'isoband doctor --config /etc/isoband/isoband.yaml',"
step "then start it with 'sudo systemctl start isoband' and follow it with 'journalctl -fu isoband'."
