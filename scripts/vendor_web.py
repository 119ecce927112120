"""Vendor the dashboard's JavaScript, CSS and map data from npm into ``parley/web/static/vendor/``.

    python scripts/vendor_web.py            # needs node and npm; writes the files the repository commits

The dashboard works offline: no page loads anything from a CDN. This script installs the pinned packages into a
temporary folder (``npm install --no-save --ignore-scripts``), copies their minified builds and the country
outlines of Natural Earth (``world-atlas``, 1:110m, TopoJSON; the page converts them with ``topojson-client``),
each with its package's LICENSE file, and writes ``vendor/VERSIONS.txt``. Rerun it to upgrade: change PINS.
"""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VENDOR = ROOT / "parley" / "web" / "static" / "vendor"

PINS = {"leaflet": "1.9.4", "chart.js": "4.4.9", "world-atlas": "2.0.2", "topojson-client": "3.1.0"}
"""npm package -> exact version."""

FILES = {  # npm package -> (file in the package, name under vendor/)
    "leaflet": [("dist/leaflet.js", "leaflet/leaflet.js"), ("dist/leaflet.css", "leaflet/leaflet.css"),
                ("LICENSE", "leaflet/LICENSE")],
    "chart.js": [("dist/chart.umd.js", "chartjs/chart.umd.js"), ("LICENSE.md", "chartjs/LICENSE.md")],
    "world-atlas": [("countries-110m.json", "world-atlas/countries-110m.json"), ("LICENSE", "world-atlas/LICENSE")],
    "topojson-client": [("dist/topojson-client.min.js", "topojson-client/topojson-client.min.js"),
                        ("LICENSE", "topojson-client/LICENSE")],
}


def main() -> int:
    if shutil.which("npm") is None:
        print("vendor_web: npm is not installed (Debian: apt-get install npm)", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="parley-vendor-") as tmp:
        (Path(tmp) / "package.json").write_text(json.dumps({"name": "parley-vendor", "private": True}))
        specs = [f"{name}@{version}" for name, version in PINS.items()]
        subprocess.run(["npm", "install", "--no-save", "--ignore-scripts", "--no-audit", "--no-fund", *specs],
                       cwd=tmp, check=True)
        if VENDOR.exists():
            shutil.rmtree(VENDOR)
        lines = []
        for name, files in FILES.items():
            package = Path(tmp) / "node_modules" / name
            version = json.loads((package / "package.json").read_text())["version"]
            if version != PINS[name]:
                print(f"vendor_web: npm gave {name} {version}, not the pinned {PINS[name]}", file=sys.stderr)
                return 1
            for source, target in files:
                dest = VENDOR / target
                dest.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(package / source, dest)
            lines.append(f"{name} {version}")
        (VENDOR / "VERSIONS.txt").write_text("Vendored by scripts/vendor_web.py from npm:\n" + "\n".join(lines) + "\n")
    total = sum(p.stat().st_size for p in VENDOR.rglob("*") if p.is_file())
    print(f"vendored {len(PINS)} packages into {VENDOR.relative_to(ROOT)} ({total / 1024:.0f} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
