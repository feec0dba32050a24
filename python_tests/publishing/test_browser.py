"""The report and the dbt docs, opened from disk in a real browser (headless Chromium, the
Debian package `chromium`, which ./scripts/test installs when missing): every image of the
report loads, every local link resolves, the docs render their overview page; screenshots of
both are saved under reports/screenshots/ of the checkout for review."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from conftest import REPO

SCREENSHOTS = REPO / "reports" / "screenshots"
CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")

# Injected into a copy of the report: after the load event, the page writes what the browser
# made of its images (a broken <img> has naturalWidth 0) where --dump-dom shows it.
IMAGE_PROBE = """<script>
window.addEventListener('load', function () {
  var images = Array.prototype.slice.call(document.images);
  var broken = images.filter(function (i) { return !(i.complete && i.naturalWidth > 0); })
                     .map(function (i) { return i.getAttribute('src'); });
  var out = document.createElement('pre');
  out.id = 'browser-check';
  out.textContent = JSON.stringify({images: images.length, broken: broken});
  document.body.appendChild(out);
});
</script>"""


@pytest.fixture(scope="module")
def chromium() -> str:
    found = next((path for name in CANDIDATES if (path := shutil.which(name))), None)
    if found is None:
        # set INFERENCE_ENERGY_REQUIRE_BROWSER=1 where a missing browser must fail the suite
        message = "headless Chromium is missing (./scripts/test installs the Debian package `chromium`)"
        if os.environ.get("INFERENCE_ENERGY_REQUIRE_BROWSER") == "1":
            pytest.fail(message)
        pytest.skip(message)
    return found


def browse(chromium: str, *args: str, timeout: int = 120) -> subprocess.CompletedProcess:
    # --no-sandbox: CI containers run as root, where Chromium's sandbox refuses to start
    base = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run"]
    return subprocess.run([*base, *args], capture_output=True, text=True, timeout=timeout)


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.targets: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        for name in ("href", "src"):
            if attrs.get(name):
                self.targets.append(attrs[name])


def broken_local_links(page: Path) -> list[str]:
    parser = _Links()
    parser.feed(page.read_text(encoding="utf-8"))
    broken = []
    for target in parser.targets:
        parts = urlsplit(target)
        if parts.scheme or parts.netloc:  # the web (references' URLs): not a local link
            continue
        if not parts.path:
            if parts.fragment and parts.fragment not in parser.ids:
                broken.append(target)
            continue
        if not (page.parent / unquote(parts.path)).exists():
            broken.append(target)
    return broken


@pytest.fixture(scope="module")
def report(warehouse, tmp_path_factory) -> Path:
    """A copy of the built report (the probe is added to a copy, never to the published page),
    with the docs pages beside it where the report's links expect them (../docs/)."""
    project = warehouse.db_path.parent.parent
    copy = tmp_path_factory.mktemp("browser") / "reports"
    shutil.copytree(project / "reports", copy)
    shutil.copytree(project / "docs", copy.parent / "docs")
    return copy


def test_every_image_of_the_report_loads_in_the_browser(chromium, report):
    probe = report / "_browser_check.html"
    probe.write_text(
        (report / "index.html").read_text(encoding="utf-8").replace("</body>", IMAGE_PROBE + "</body>"),
        encoding="utf-8",
    )
    proc = browse(
        chromium, "--allow-file-access-from-files", "--virtual-time-budget=20000", "--dump-dom", probe.as_uri()
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    found = re.search(r'<pre id="browser-check">([^<]*)</pre>', proc.stdout)
    assert found, "the page's load event never ran the probe"
    result = json.loads(found.group(1).replace("&quot;", '"'))
    expected = len(re.findall(r"<img\b", (report / "index.html").read_text(encoding="utf-8")))
    assert result == {"images": expected, "broken": []}
    # every figure the build drew is on the page
    assert expected == len(list((report / "figures").glob("*.png")))


def test_every_local_link_of_the_report_resolves(report):
    assert broken_local_links(report / "index.html") == []
    assert (report / "docs" / "index.html").exists()  # the report links the docs


def test_the_link_check_can_fail(tmp_path):
    page = tmp_path / "index.html"
    page.write_text('<a href="figures/missing.png">x</a><a href="#nowhere">y</a><a href="https://x.org">z</a>')
    assert broken_local_links(page) == ["figures/missing.png", "#nowhere"]


def test_the_docs_render_their_overview_page_and_its_links_name_real_nodes(chromium, report, warehouse):
    proc = browse(chromium, "--virtual-time-budget=20000", "--dump-dom", (report / "docs" / "index.html").as_uri())
    assert proc.returncode == 0, proc.stderr[-2000:]
    # the overview's markdown, rendered by the docs app into a heading (not just present as JSON)
    assert '<h1 id="inference-energy-warehouse">' in proc.stdout
    # the docs are one page: its links are app routes (#!/model/<unique id>), to nodes that exist
    manifest = json.loads((warehouse.db_path.parent.parent / "target" / "manifest.json").read_text(encoding="utf-8"))
    routes = set(re.findall(r'href="#!/(?:model|seed|test|macro|source)/([^"]+)"', proc.stdout))
    assert routes, "the rendered docs link no node"
    known = set(manifest["nodes"]) | set(manifest["macros"]) | set(manifest["sources"])
    assert sorted(routes - known) == []


def test_screenshots_are_saved_for_review(chromium, report):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    shots = {
        "report.png": (report / "index.html", "1280,6000"),
        "docs.png": (report / "docs" / "index.html", "1280,900"),
    }
    for name, (page, size) in shots.items():
        target = SCREENSHOTS / name
        target.unlink(missing_ok=True)
        proc = browse(
            chromium, f"--window-size={size}", "--virtual-time-budget=20000", f"--screenshot={target}", page.as_uri()
        )
        assert proc.returncode == 0, proc.stderr[-2000:]
        # a PNG, and not a blank page (a blank 1280-wide PNG compresses to a few kB)
        assert target.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        assert target.stat().st_size > 50_000, f"{name} looks blank"
