#!/usr/bin/env bash
# A REAL fresh-Debian install of the .deb, then the installed app's whole path (issue 13):
#
#   sudo packaging/try_fresh_debian.sh [path/to/evidencekit_X_amd64.deb] [root folder]
#
# 1. debootstrap a minimal Debian 12 (bookworm, --variant=minbase: no Python, no X, no fonts)
#    into the root folder (default /tmp/ek-fresh-debian; reused when it is there already);
# 2. chroot in and `apt-get install ./evidencekit_….deb`: apt pulls the Depends AND the
#    Recommends (chromium, the Noto/DejaVu fonts) from the Debian mirror, as on her machine;
# 3. outside the chroot (same network: 127.0.0.1 is shared) the fixture site
#    (tests/support/site.py) and the loopback RFC 3161 TSA (tests/support/tsa.py) run from this
#    checkout's .venv;
# 4. inside, as a new ordinary user with a fresh HOME, only the INSTALLED programs:
#    evidencekit --version, init, capture a fixture page, import a file, export, then verify
#    (as the lawyer: another new user, no vault) -> "Verdict: VALID" with --trust <TSA root>
#    and the vault's fingerprint; the desktop entry, its icon and the GUI (offscreen) too.
# Needs root, debootstrap and network to the mirror. Not part of CI (minutes, ~1 GB). What was
# run and seen last is in packaging/README.md ("A fresh Debian machine").
set -euo pipefail
cd "$(dirname "$0")/.."
DEB=$(realpath "${1:-$(ls dist/evidencekit_*_amd64.deb | tail -1)}")
ROOTFS=${2:-/tmp/ek-fresh-debian}
MIRROR=${MIRROR:-http://deb.debian.org/debian}
PASS="a long passphrase for the fresh machine"
say() { printf '\n[fresh-debian] %s\n' "$*"; }

if [ ! -x "$ROOTFS/usr/bin/apt-get" ]; then
  say "debootstrap --variant=minbase bookworm $ROOTFS"
  debootstrap --variant=minbase bookworm "$ROOTFS" "$MIRROR"
fi
# What Chromium and apt need inside: /proc, /dev (shm, pts), /sys; DNS for the mirror.
for fs in proc sys dev dev/pts; do
  mountpoint -q "$ROOTFS/$fs" || mount --bind "/$fs" "$ROOTFS/$fs"
done
SERVERS=
cleanup() {
  [ -n "$SERVERS" ] && kill "$SERVERS" 2>/dev/null || true
  for fs in dev/pts dev sys proc; do umount "$ROOTFS/$fs" 2>/dev/null || true; done
}
trap cleanup EXIT
cp /etc/resolv.conf "$ROOTFS/etc/resolv.conf"
in_root() { chroot "$ROOTFS" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin DEBIAN_FRONTEND=noninteractive "$@"; }
as_user() { chroot "$ROOTFS" su - "$1" -c "$2"; }

say "installing $(basename "$DEB") with apt (Depends and Recommends from $MIRROR)"
cp "$DEB" "$ROOTFS/tmp/"
in_root apt-get update -qq
in_root apt-get install -y "/tmp/$(basename "$DEB")" 2>&1 | grep -E "^(The following NEW|Setting up evidencekit|Need to get|After this)" || true
in_root dpkg -s evidencekit | grep -E "^(Status|Version|Depends|Recommends):"
in_root sh -c 'echo "installed packages: $(dpkg -l | grep -c ^ii)"; dpkg -l chromium fonts-noto-core | grep ^ii | cut -c1-60'

say "the fixture site and the loopback TSA, outside the chroot"
INFO=$(mktemp)
.venv/bin/python - "$INFO" "$ROOTFS/tmp/tsa-root.pem" <<'EOF' &
import shutil, sys, tempfile, time
from pathlib import Path
sys.path.insert(0, ".")
from tests.support.site import SiteServer
from tests.support.tsa import TsaPki, TsaServer

pki = TsaPki.create(Path(tempfile.mkdtemp(prefix="ek-fresh-tsa-")))
shutil.copy(pki.root_pem, sys.argv[2])
with SiteServer() as site, TsaServer(pki) as tsa:
    Path(sys.argv[1]).write_text(f"{site.url('/marker/fresh-debian')} {tsa.url}\n")
    time.sleep(3600)
EOF
SERVERS=$!
for _ in $(seq 100); do [ -s "$INFO" ] && break; sleep 0.2; done
read -r PAGE TSA < "$INFO"
echo "page $PAGE, TSA $TSA"

say "a fresh user (victim), the installed programs only"
in_root sh -c 'id victim >/dev/null 2>&1 || useradd -m -s /bin/sh victim; id lawyer >/dev/null 2>&1 || useradd -m -s /bin/sh lawyer'
in_root sh -c 'rm -rf /home/victim/.local /home/victim/.config /home/victim/*.pdf /home/victim/*.txt'
ENV="export EVIDENCEKIT_PASSPHRASE='$PASS' LANG=C.UTF-8;"
as_user victim "command -v evidencekit evidencekit-gui; evidencekit --version"
as_user victim "$ENV evidencekit --tsa $TSA init"
as_user victim "$ENV evidencekit --tsa $TSA capture $PAGE --case Fresh"
as_user victim "$ENV echo 'Mesazh i marrë më 1 maj.' > ~/shenim.txt && evidencekit --tsa $TSA import ~/shenim.txt --case Fresh"
as_user victim "$ENV evidencekit list"
as_user victim "$ENV evidencekit --tsa $TSA export --case Fresh -o ~/bundle.pdf"
FP=$(as_user victim "$ENV evidencekit identity show --json" | sed -n 's/.*"fingerprint_sha256": *"\([0-9a-f]*\)".*/\1/p')
echo "vault fingerprint: $FP"

say "the lawyer: another user, no vault, verifies the bundle"
cp "$ROOTFS/home/victim/bundle.pdf" "$ROOTFS/home/lawyer/bundle.pdf"
chmod 644 "$ROOTFS/home/lawyer/bundle.pdf" "$ROOTFS/tmp/tsa-root.pem"
set +e
as_user lawyer "evidencekit verify ~/bundle.pdf --trust /tmp/tsa-root.pem --trust-fingerprint $FP"
VERDICT=$?
set -e
echo "verify exit code: $VERDICT"

say "the desktop entry, its icon, the GUI (offscreen: no screen in a chroot)"
in_root sh -c 'grep -E "^(Exec|Icon)=" /usr/share/applications/evidencekit.desktop; ls /usr/share/icons/hicolor/*/apps/evidencekit.*'
set +e
as_user victim "QT_QPA_PLATFORM=offscreen timeout 10 evidencekit-gui"
GUI=$?
set -e
echo "GUI still running after 10 s (timeout's 124): $GUI"
[ "$VERDICT" = 0 ] && [ "$GUI" = 124 ] && say "OK: installed, captured, exported, verified VALID" || { say "FAILED"; exit 1; }
