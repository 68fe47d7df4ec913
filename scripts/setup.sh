#!/usr/bin/env bash
# Set up everything argmap needs on a fresh Debian machine with Python 3.11+:
# uv (through pip when missing), the virtual environment in .venv with the locked dependencies,
# the Graphviz programs (through apt-get when `dot` is missing) and Chromium for the browser
# tests of the HTML page (through apt-get when /usr/bin/chromium is missing). Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf 'setup: %s\n' "$*" >&2; }

uv_cmd() {
  if command -v uv >/dev/null 2>&1; then
    uv "$@"
  elif python3 -m uv --version >/dev/null 2>&1; then
    python3 -m uv "$@"
  elif [ -x .tools/bin/uv ]; then
    .tools/bin/uv "$@"
  else
    say "installing uv"
    if ! python3 -m pip install --quiet --user uv 2>/dev/null \
      && ! python3 -m pip install --quiet --user --break-system-packages uv 2>/dev/null; then
      # No usable pip for the user: a small venv of our own holds uv.
      python3 -m venv .tools || {
        sudo_if_needed apt-get install -y -qq python3-venv >/dev/null && python3 -m venv .tools; }
      .tools/bin/pip install --quiet uv
    fi
    uv_cmd "$@"
  fi
}

sudo_if_needed() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else return 1; fi
}

if ! command -v dot >/dev/null 2>&1; then
  say "installing Graphviz (dot) with apt-get"
  if ! { sudo_if_needed apt-get update -qq >/dev/null && \
         sudo_if_needed apt-get install -y -qq graphviz >/dev/null; }; then
    say "could not install Graphviz; diagrams need it: apt-get install graphviz"
  fi
fi

if [ ! -x /usr/bin/chromium ]; then
  say "installing Chromium (for the browser tests of the HTML page) with apt-get"
  if ! { sudo_if_needed apt-get update -qq >/dev/null && \
         sudo_if_needed apt-get install -y -qq chromium >/dev/null; }; then
    say "could not install Chromium; the page's browser tests will be skipped: apt-get install chromium"
  fi
fi

export UV_PYTHON_DOWNLOADS=never
# --compile-bytecode: the packages' .pyc files are written once, here; without them every Python
# that starts (each test worker, each command a test runs) compiles Textual, pydantic and the
# rest again when bytecode writing is off (PYTHONDONTWRITEBYTECODE), about 1.5 s of CPU each.
# A second run finds them up to date and stays well under a second.
uv_cmd sync --quiet --locked --compile-bytecode 2>/dev/null || uv_cmd sync --quiet --compile-bytecode
