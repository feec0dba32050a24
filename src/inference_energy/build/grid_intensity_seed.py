"""Seed extension_grid_carbon_intensity, written from the tables the pinned codecarbon package
ships (never typed by hand): the carbon intensity of electricity by country (its energy-mix
table, with the data year and the generation it weighs) and by cloud region (its cloud impact
table, with the provider's source per row). Run it after changing codecarbon's pin:

    .venv/bin/python -m inference_energy.build.grid_intensity_seed

python_tests/science/test_footprint.py reads the package again and holds the seed to it.
"""

from __future__ import annotations

import csv
import io
import json
from importlib import metadata, resources
from pathlib import Path

from inference_energy import REPO

SEED = REPO / "seeds" / "extension" / "extension_grid_carbon_intensity.csv"
ENERGY_MIX = "data/private_infra/global_energy_mix.json"
CLOUD_IMPACT = "data/cloud/impact.csv"
COLUMNS = [
    "region_code",
    "region_kind",
    "region_name",
    "country_iso_code",
    "provider",
    "carbon_intensity_gco2e_per_kwh",
    "data_year",
    "generation_twh",
    "source_package",
    "source_file",
    "source_note",
]


def _package_text(path: str) -> str:
    return (resources.files("codecarbon") / path).read_text(encoding="utf-8-sig")


def rows() -> list[dict[str, str]]:
    """Every row of the seed, read from the installed codecarbon package."""
    package = f"codecarbon=={metadata.version('codecarbon')}"
    out = []
    for iso, country in sorted(json.loads(_package_text(ENERGY_MIX)).items()):
        out.append(
            {
                "region_code": iso,
                "region_kind": "country",
                "region_name": country["country_name"],
                "country_iso_code": iso,
                "provider": "",
                "carbon_intensity_gco2e_per_kwh": repr(float(country["carbon_intensity"])),
                "data_year": str(country["year"]),
                "generation_twh": repr(float(country["total_TWh"])),
                "source_package": package,
                "source_file": f"codecarbon/{ENERGY_MIX}",
                "source_note": "the package's energy-mix table (carbon_intensity, year, total_TWh of the country)",
            }
        )
    for region in csv.DictReader(io.StringIO(_package_text(CLOUD_IMPACT))):
        out.append(
            {
                "region_code": f"{region['provider']}:{region['region']}",
                "region_kind": "cloud_region",
                "region_name": ", ".join(x for x in (region["city"], region["state"], region["country_name"]) if x),
                "country_iso_code": region["countryIsoCode"],
                "provider": region["providerName"],
                "carbon_intensity_gco2e_per_kwh": repr(float(region["impact"])),
                "data_year": "",
                "generation_twh": "",
                "source_package": package,
                "source_file": f"codecarbon/{CLOUD_IMPACT}",
                "source_note": " ".join(x for x in (region["source"], region["comment"]) if x),
            }
        )
    return out


def write(path: Path = SEED) -> None:
    with open(path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows())


if __name__ == "__main__":
    write()
    print(f"written: {SEED.relative_to(REPO)}")
