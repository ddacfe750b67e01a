#!/usr/bin/env bash
# Sets up a fresh Debian machine for the app: PowerShell 7.6.9, Chromium, Xvfb and the npm packages.
# Safe to run again: it installs only what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

export PATH="$HOME/.dotnet/tools:$PATH"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

if ! command -v pwsh >/dev/null 2>&1 || [ "$(pwsh -NoProfile -Command '$PSVersionTable.PSVersion.ToString()')" != "7.6.9" ]; then
  echo "Installing PowerShell 7.6.9 as a .NET global tool..."
  dotnet tool update --global PowerShell --version 7.6.9 || dotnet tool install --global PowerShell --version 7.6.9
fi

if ! command -v chromium >/dev/null 2>&1 || ! command -v Xvfb >/dev/null 2>&1; then
  echo "Installing Chromium and Xvfb..."
  $SUDO apt-get update
  $SUDO apt-get install -y chromium xvfb
fi

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci
fi
