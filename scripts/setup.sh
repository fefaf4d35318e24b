#!/usr/bin/env bash
# Set up Tematik on a fresh Debian/Ubuntu machine (only Python, pip and gcc needed before).
#   - as root (or with passwordless sudo): the system libraries Qt needs for a real window,
#     Xvfb, LibreOffice (report conversion test) and PostgreSQL (team-server tests);
#   - a virtualenv in .venv with every Python dependency;
#   - compiled translations (.qm).
# Idempotent: a second run only checks.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(
  xvfb xauth libxcb-cursor0 libxkbcommon-x11-0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0
  libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-randr0 libegl1 libgl1
  libfontconfig1 libdbus-1-3 fonts-dejavu-core imagemagick make
  libreoffice-writer-nogui fonts-crosextra-carlito postgresql
)

apt_install() {
  local missing=()
  for p in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local SUDO=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then SUDO="sudo -n"; else
      echo "setup: not root; install these system packages yourself: ${missing[*]}" >&2
      return 0
    fi
  fi
  echo "setup: installing system packages: ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

if command -v apt-get >/dev/null 2>&1 && command -v dpkg-query >/dev/null 2>&1; then
  apt_install
fi

PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
stamp=.venv/.tematik-installed
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -e ".[dev]"
  touch "$stamp"
fi
if [ -f scripts/build_translations.py ]; then
  .venv/bin/python scripts/build_translations.py
fi
echo "setup: ready (.venv)"
