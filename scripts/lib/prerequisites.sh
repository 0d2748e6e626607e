# Installs what the tests need when it is missing (Debian packages, npm packages).
# Sourced by scripts/test.sh; every function is safe to run again.

apt_install_missing() {
  # Arguments: pairs of "command-or-path:debian-package".
  local missing=()
  local pair probe package
  for pair in "$@"; do
    probe="${pair%%:*}"
    package="${pair##*:}"
    if [[ "$probe" == /* ]]; then
      compgen -G "$probe" >/dev/null || missing+=("$package")
    else
      command -v "$probe" >/dev/null 2>&1 || missing+=("$package")
    fi
  done
  if ((${#missing[@]} == 0)); then
    return 0
  fi
  echo "==> installing Debian packages: ${missing[*]}"
  local sudo=""
  [[ $(id -u) -ne 0 ]] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

npm_install_interop() {
  local dir="$1"
  if [[ -f "$dir/node_modules/.package-lock.json" ]] && cmp -s "$dir/package-lock.json" "$dir/node_modules/.lock-copy" 2>/dev/null; then
    return 0
  fi
  echo "==> installing npm packages in ${dir#"$REPO_ROOT"/}"
  (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
  cp "$dir/package-lock.json" "$dir/node_modules/.lock-copy"
}
