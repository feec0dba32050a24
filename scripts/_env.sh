# Shared by scripts/build and scripts/test: a local virtual environment with the
# pinned requirements, created or refreshed when a requirements file changes.
# INFERENCE_ENERGY_VENV overrides its location (tests reuse the repo's venv).

repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
venv=${INFERENCE_ENERGY_VENV:-$repo_root/.venv}
# This checkout's package (src/inference_energy) comes first, before whatever checkout the
# venv's editable install points to (the test suite builds copies of the project with one venv).
export PYTHONPATH="$repo_root/src${PYTHONPATH:+:$PYTHONPATH}"

pick_python() {
    for candidate in python3.11 python3; do
        if command -v "$candidate" >/dev/null 2>&1; then
            echo "$candidate"
            return 0
        fi
    done
    echo "error: no python3 found (Python 3.11 is required)" >&2
    return 1
}

# ensure_venv REQUIREMENTS_FILE: install it into the venv unless already done.
ensure_venv() {
    local requirements=$1
    local stamp="$venv/.installed-$(basename "$requirements")"
    if [ ! -x "$venv/bin/python" ]; then
        local python
        python=$(pick_python)
        echo "Creating virtual environment $venv" >&2
        "$python" -m venv "$venv"
    fi
    if [ ! -f "$stamp" ] || ! cmp -s "$requirements" "$stamp" \
        || { [ "$requirements" != "$repo_root/requirements.txt" ] && ! cmp -s "$repo_root/requirements.txt" "$venv/.installed-requirements.txt"; }; then
        echo "Installing $(basename "$requirements") into $venv" >&2
        "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$requirements"
        cp "$requirements" "$stamp"
        if [ "$requirements" != "$repo_root/requirements.txt" ]; then
            cp "$repo_root/requirements.txt" "$venv/.installed-requirements.txt"
        fi
    fi
    # the package itself, editable (the checkout's code runs), with its `inference-energy` command
    if [ ! -x "$venv/bin/inference-energy" ] || ! cmp -s "$repo_root/pyproject.toml" "$venv/.installed-pyproject.toml"; then
        echo "Installing the inference_energy package (editable) into $venv" >&2
        "$venv/bin/python" -m pip install --quiet --disable-pip-version-check --no-deps -e "$repo_root"
        cp "$repo_root/pyproject.toml" "$venv/.installed-pyproject.toml"
    fi
}
