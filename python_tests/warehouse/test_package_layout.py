"""The Python code is one package whose sub-packages are its rooms; scripts/ holds entry points
only; no module holds two rooms (a size bound); the console command is installed."""

from __future__ import annotations

import ast
import subprocess

from conftest import REPO, VENV

PACKAGE = REPO / "src" / "inference_energy"
ROOMS = ("science", "publishing", "build", "catalogue", "benchmarks")
MAX_MODULE_LINES = 450


def python_files():
    for folder in ("src", "python_tests", "models", "scripts"):
        yield from (p for p in (REPO / folder).rglob("*.py") if "__pycache__" not in p.parts)


def test_the_package_has_its_rooms():
    for room in ROOMS:
        assert (PACKAGE / room / "__init__.py").is_file(), f"room {room} is missing"
        assert ast.get_docstring(ast.parse((PACKAGE / room / "__init__.py").read_text())), f"{room} says what it holds"


def test_no_python_module_is_over_the_size_bound():
    long = {
        str(p.relative_to(REPO)): n for p in python_files() if (n := len(p.read_text().splitlines())) > MAX_MODULE_LINES
    }
    assert not long, f"modules over {MAX_MODULE_LINES} lines (split into rooms): {long}"


def test_scripts_holds_only_entry_points():
    entries = {p.name for p in (REPO / "scripts").iterdir()}
    others = {name for name in entries if name.endswith(".py") or (REPO / "scripts" / name).is_dir()}
    assert not others, f"scripts/ is for entry points; move {others} into src/inference_energy"
    for name in entries - {"_env.sh"}:
        assert (REPO / "scripts" / name).stat().st_mode & 0o111, f"scripts/{name} is not executable"


def test_dbt_python_models_import_the_package():
    for model in (REPO / "models" / "fits").glob("*.py"):
        imported = [
            node.module
            for node in ast.walk(ast.parse(model.read_text()))
            if isinstance(node, ast.ImportFrom) and node.module
        ]
        assert imported and all(m.startswith("inference_energy.") for m in imported), f"{model.name}: {imported}"


def test_the_console_command_is_installed_and_answers():
    command = VENV / "bin" / "inference-energy"
    assert command.is_file(), "./scripts/build installs the package with its console command"
    proc = subprocess.run([str(command), "--help"], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0 and "estimate" in proc.stdout
    proc = subprocess.run([str(command), "frobnicate"], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2 and "unknown command 'frobnicate'" in proc.stderr
