#!/usr/bin/env bash
# Runs every test (the README's test command). First installs the Debian packages some tests drive, skipping what
# is present: as root directly, otherwise through sudo (without a password prompt unless at a terminal). Where one
# cannot be installed, the tests that need it are reported skipped, each naming the command that installs it.
# Arguments are passed to `dotnet test` (e.g. ./test.sh --filter RunnerCliTests).
set -euo pipefail
cd "$(dirname "$0")"

# - chromium: renders produced HTML pages offline and checks the charts drew;
# - python3-nbformat: validates executed notebooks against the nbformat 4.5 schema;
# - python3-jupyter-client, python3-nbclient, jupyter-nbconvert, python3-ipykernel: a real Jupyter client for our kernel;
# - fonts-noto-cjk: the Korean terms in the lessons render in screenshots;
# - dataset-fashion-mnist: the loader reads Debian's real Fashion-MNIST as an alternative source.
packages=(chromium python3-nbformat python3-jupyter-client python3-nbclient jupyter-nbconvert python3-ipykernel
  fonts-noto-cjk dataset-fashion-mnist)

missing=()
if command -v dpkg-query > /dev/null; then
  for p in "${packages[@]}"; do
    dpkg-query -W -f '${Status}' "$p" 2> /dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
fi

if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    as_root=(env)
  elif command -v sudo > /dev/null && { sudo -n true 2> /dev/null || [ -t 0 ]; }; then
    as_root=(sudo)
  else
    as_root=()
  fi
  if [ ${#as_root[@]} -gt 0 ] && command -v apt-get > /dev/null; then
    echo "test.sh: installing ${missing[*]}" >&2
    if ! { "${as_root[@]}" DEBIAN_FRONTEND=noninteractive apt-get update -q \
      && "${as_root[@]}" DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"; }; then
      echo "test.sh: could not install them; the tests that need them will be skipped" >&2
    fi
  else
    echo "test.sh: ${missing[*]} missing and neither root nor sudo here; the tests that need them will be skipped" >&2
    echo "test.sh: to run them: sudo apt-get install ${missing[*]}" >&2
  fi
fi

exec dotnet test Backprop.slnx "$@"
