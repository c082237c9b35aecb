"""`make scorm`: the handbook as a SCORM 1.2 package for a learning platform (LMS).

Builds the site with ``HANDBOOK_PACKAGE=scorm`` (relative ``page.html`` links, see
hooks/package.py), adds the launch page (tools/scorm_launch/: it connects to the LMS, restores
and saves progress in ``cmi.suspend_data`` and reports the final assessment), writes
``imsmanifest.xml`` and zips it all to ``dist/collector-handbook-<edition>-scorm12.zip``.

The package is one SCO: launching it opens the whole handbook. Completion rule: the learner
passes or fails by the final assessment (结业测验); the manifest's ``adlcp:masteryscore`` is the
pass mark, so an LMS that applies it reaches the same verdict. Usage::

    python -m handbook.tools.scorm [--site BUILT_SITE] [--out dist]
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

PACKAGE_ENV = "HANDBOOK_PACKAGE"
LAUNCH_PAGE = "scorm-launch.html"
LAUNCH_SCRIPT = "assets/javascripts/scorm-launch.js"
LAUNCH_FILES = Path(__file__).with_name("scorm_launch")
MANIFEST = "imsmanifest.xml"
IDENTIFIER = "collector-handbook"
# Built files a package does without: source maps, the sitemap and the 404 page of the public site
# (absolute links, for a web server), and the Thai
# word segmenter of Material's search (the handbook searches Chinese with its own word list).
LEFT_OUT = re.compile(r"(\.map|^sitemap\.xml(\.gz)?|^404\.html|^assets/javascripts/lunr/wordcut\.js)$")
SCHEMA_LOCATION = ("http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd "
                   "http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd "
                   "http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd")
# Fixed timestamp for every zip entry: the same content gives the same zip.
_ZIP_TIME = (2026, 1, 1, 0, 0, 0)


@dataclass(frozen=True)
class Course:
    title: str
    edition: str
    mastery_score: int      # the final assessment's pass mark, in %


def read_course(project: Path) -> Course:
    """Title, edition and pass mark from mkdocs.yml (read as plain YAML, ignoring its !!python tags)."""
    import yaml

    class _Loader(yaml.SafeLoader):
        pass

    _Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
    config = yaml.load((project / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)
    extra = config.get("extra") or {}
    assessment = extra.get("assessment") or {}
    return Course(str(config["site_name"]), str(extra.get("edition") or "draft"), int(assessment.get("pass_mark", 80)))


def build_site(project: Path, site_dir: Path) -> None:
    """Strict build of the site for the package; raises with the build log if it fails."""
    env = {**os.environ, PACKAGE_ENV: "scorm", "PYTHONPATH": str(project / "hooks"), "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
                            cwd=project, env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise RuntimeError(f"SCORM 站点构建失败：\n{result.stdout}\n{result.stderr}")


def manifest(course: Course, files: list[str]) -> str:
    """imsmanifest.xml for SCORM 1.2 (IMS Content Packaging 1.1.2 + ADL CP extensions)."""
    title = escape(f"{course.title}（{course.edition} 版）")
    file_entries = "\n".join(f"      <file href={quoteattr(name)}/>" for name in files)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="{IDENTIFIER}-{escape(course.edition)}" version="{escape(course.edition)}"
          xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
          xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
          xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
          xsi:schemaLocation="{SCHEMA_LOCATION}">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="{IDENTIFIER}-org">
    <organization identifier="{IDENTIFIER}-org">
      <title>{title}</title>
      <item identifier="{IDENTIFIER}-item" identifierref="{IDENTIFIER}-sco" isvisible="true">
        <title>{title}</title>
        <adlcp:masteryscore>{course.mastery_score}</adlcp:masteryscore>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="{IDENTIFIER}-sco" type="webcontent" adlcp:scormtype="sco" href="{LAUNCH_PAGE}">
{file_entries}
    </resource>
  </resources>
</manifest>
"""


def add_launch_files(site: Path, course: Course) -> None:
    page = (LAUNCH_FILES / LAUNCH_PAGE).read_text(encoding="utf-8").replace("__TITLE__", escape(course.title))
    (site / LAUNCH_PAGE).write_text(page, encoding="utf-8")
    shutil.copyfile(LAUNCH_FILES / "scorm-launch.js", site / LAUNCH_SCRIPT)


def package_files(site: Path) -> list[str]:
    """Every file of the package, launch page first, then sorted (the manifest lists them all)."""
    names = sorted(path.relative_to(site).as_posix() for path in site.rglob("*") if path.is_file())
    names = [name for name in names if name not in (MANIFEST, LAUNCH_PAGE) and not LEFT_OUT.search(name)]
    return [LAUNCH_PAGE, *names]


def write_zip(site: Path, target: Path, files: list[str], manifest_xml: str) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        entry = zipfile.ZipInfo(MANIFEST, _ZIP_TIME)
        entry.compress_type = zipfile.ZIP_DEFLATED
        archive.writestr(entry, manifest_xml)
        for name in files:
            entry = zipfile.ZipInfo(name, _ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            archive.writestr(entry, (site / name).read_bytes())


def package(project: Path, out_dir: Path, site: Path | None = None) -> Path:
    """Build (unless ``site`` is a site built for the package already) and zip; returns the zip."""
    course = read_course(project)
    with tempfile.TemporaryDirectory(prefix="scorm-") as scratch:
        work = Path(scratch) / "site"
        if site is None:
            build_site(project, work)
        else:
            shutil.copytree(site, work)
        add_launch_files(work, course)
        files = package_files(work)
        target = out_dir / f"{IDENTIFIER}-{course.edition}-scorm12.zip"
        write_zip(work, target, files, manifest(course, files))
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="生成 SCORM 1.2 课件包（供学习平台导入）。")
    parser.add_argument("--site", type=Path, help="已用 HANDBOOK_PACKAGE=scorm 构建好的站点目录（默认现场构建）")
    parser.add_argument("--out", type=Path, default=Path("dist"), help="输出目录，默认 dist")
    args = parser.parse_args(argv)
    target = package(Path.cwd(), args.out, args.site)
    print(f"SCORM 1.2 课件包：{target}（{target.stat().st_size:,} 字节）")
    return 0


if __name__ == "__main__":
    sys.exit(main())
